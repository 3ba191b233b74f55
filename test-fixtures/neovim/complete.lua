-- Headless Neovim 0.7 as a real third-party LSP client of `arenalab lsp --stdio` (server/src/lsp/neovimClient.test.ts).
-- Inputs come from the environment: ARENALAB_NODE, ARENALAB_CLI, ARENALAB_WORKSPACE, ARENALAB_FILE (to open),
-- ARENALAB_LINE (0-based line to complete at) and ARENALAB_OUT (where the result is written as JSON).
-- Any failure is written to ARENALAB_OUT as { error = ... } and exits non-zero.
local env = vim.env
local out = env.ARENALAB_OUT

local function write(value)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(value))
  f:close()
end

local function run()
  local ready = nil
  local client_id = vim.lsp.start_client({
    name = 'arenalab',
    cmd = { env.ARENALAB_NODE, env.ARENALAB_CLI, 'lsp', '--stdio' },
    cmd_cwd = env.ARENALAB_WORKSPACE,
    root_dir = env.ARENALAB_WORKSPACE,
    workspace_folders = { { uri = vim.uri_from_fname(env.ARENALAB_WORKSPACE), name = 'ws' } },
    handlers = {
      ['arenalab/status'] = function(_, result)
        if result and result.state == 'ready' then ready = result end
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')

  vim.cmd('edit ' .. vim.fn.fnameescape(env.ARENALAB_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'typescript' -- -u NONE: no filetype detection; the server checks the languageId
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  local initialized = vim.wait(15000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized and ready ~= nil
  end, 20)
  assert(initialized, 'the client did not initialize or no arenalab/status ready arrived within 15 s')

  local line = tonumber(env.ARENALAB_LINE)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = 0 } }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
  assert(responses, 'textDocument/completion: ' .. tostring(err))
  local response = responses[client_id]
  assert(response and not response.err, 'textDocument/completion failed: ' .. vim.inspect(response))
  local result = response.result or {}
  local items = result.items or result
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, { label = item.label, insertText = item.insertText or vim.NIL, detail = item.detail or vim.NIL })
  end

  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(5000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client == nil or client.is_stopped()
  end, 20)
  write({ items = labels, ready = ready, stopped = stopped })
end

local ok, failure = pcall(run)
if ok then
  vim.cmd('qall!')
else
  write({ error = tostring(failure) })
  vim.cmd('cquit 1')
end
