import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INSERT_HEADER, insertFunction, PREDICTED_INSERT_LINE, writeInsertWorkspace } from './testing/insertWorkspace';

// Neovim (Debian's `neovim`, 0.7) headless as a real third-party LSP client: test-fixtures/neovim/complete.lua starts
// `arenalab lsp --stdio` with vim.lsp.start_client, opens a file of a fixture workspace, waits for the client to be
// initialized and for arenalab/status ready, asks textDocument/completion and writes the items as JSON.
// nvim missing is a failure, not a skip: .ci/run installs it.
const repoRoot = path.resolve(__dirname, '../../..');
const script = path.join(repoRoot, 'test-fixtures', 'neovim', 'complete.lua');
const body = insertFunction;
const header = INSERT_HEADER;
const PREDICTED = PREDICTED_INSERT_LINE;

interface NeovimResult {
  error?: string;
  items?: { label: string; insertText: string | null; detail: string | null }[];
  ready?: { state: string; files: number };
  stopped?: boolean;
}

describe('Neovim 0.7 headless as a real LSP client of arenalab lsp --stdio', function () {
  this.timeout(40000);
  let workspace: string;

  before(() => {
    workspace = writeInsertWorkspace('arenalab-nvim-');
    fs.writeFileSync(path.join(workspace, 'c.ts'), [...header, ...body('addGuest').slice(0, 2), '', ''].join('\n'));
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('is installed (nvim on PATH; .ci/run installs Debian neovim)', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.error, undefined, 'nvim is not installed: apt-get install -y neovim (as .ci/run does)');
    assert.match(version.stdout, /^NVIM v0\.\d+/);
  });

  it('starts the server, opens a file, and gets the predicted next line as a completion item', async () => {
    const out = path.join(workspace, '.nvim', 'result.json');
    const xdg = path.join(workspace, '.nvim');
    fs.mkdirSync(xdg, { recursive: true });
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_STATE_HOME: path.join(xdg, 'state'), XDG_CACHE_HOME: path.join(xdg, 'cache'),
      ARENALAB_NODE: process.execPath, ARENALAB_CLI: path.join(repoRoot, 'bin', 'arenalab.js'),
      ARENALAB_WORKSPACE: workspace, ARENALAB_FILE: path.join(workspace, 'c.ts'), ARENALAB_LINE: '4', ARENALAB_OUT: out,
    };
    const exit = await new Promise<{ code: number | null; stderr: string; error: Error | null }>((resolve) => {
      const child = execFile('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`],
        { cwd: workspace, env, timeout: 30000, killSignal: 'SIGKILL' },
        (error, _stdout, stderr) => resolve({ code: child.exitCode, stderr: String(stderr), error }));
      child.stdin?.end();
    });
    const lspLog = path.join(xdg, 'cache', 'nvim', 'lsp.log');
    const context = `nvim: ${exit.error?.message ?? ''} ${exit.stderr}\nlsp.log:\n${fs.existsSync(lspLog) ? fs.readFileSync(lspLog, 'utf8').slice(-4000) : '(none)'}`;
    assert.ok(fs.existsSync(out), `nvim wrote no result\n${context}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimResult;
    assert.equal(result.error, undefined, `${result.error}\n${context}`);
    assert.equal(exit.code, 0, context);
    assert.equal(result.ready?.state, 'ready');
    assert.equal(result.ready?.files, 4, 'a, b, c and db.ts indexed');
    const items = result.items ?? [];
    assert.ok(items.some((i) => i.label === PREDICTED || (i.insertText ?? '').trim() === PREDICTED), JSON.stringify(items));
    assert.equal(items[0].label, PREDICTED, JSON.stringify(items));
    assert.match(items[0].detail ?? '', /^ArenaLab \d\.\d\d · continuation-/);
    assert.equal(result.stopped, true, 'the client did not stop');
  });
});
