import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancelledError, ToolError } from '@arenalab/core';
import { readWorkspaceFileExecutor } from './readWorkspaceFile';
import { searchWorkspace, searchWorkspaceExecutor } from './searchWorkspace';
import { resolveWorkspaceToolConfig, type WorkspaceToolConfig } from './workspacePaths';

function write(root: string, rel: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), content);
}

describe('workspace tools: read_file and workspace_search (real files)', () => {
  let base: string;
  let root: string;
  let config: WorkspaceToolConfig;

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-ws-tools-'));
    root = path.join(base, 'workspace');
    write(root, 'src/main.ts', 'import { helper } from "./helper";\nexport const answer = helper(41);\n');
    write(root, 'src/helper.ts', 'export function helper(x: number) {\n  return x + 1;\n}\n');
    write(root, 'README.md', '# Demo\nCall helper() to add one.\n');
    write(root, '.gitignore', 'secret-notes/\n*.log\n');
    write(root, 'secret-notes/plan.txt', 'helper is secretly here\n');
    write(root, 'debug.log', 'helper log line\n');
    write(root, 'node_modules/lib/index.js', 'module.exports = function helper() {};\n');
    write(root, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x68, 0x65, 0x6c, 0x70, 0x65, 0x72]));
    write(root, 'big.txt', 'helper\n'.repeat(2000));
    write(base, 'outside/secret.txt', 'helper outside the workspace\n');
    fs.symlinkSync(path.join(base, 'outside/secret.txt'), path.join(root, 'escape.txt'));
    fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'escape-dir'));
    fs.symlinkSync('/etc', path.join(root, 'etc-link'));
    fs.symlinkSync(path.join(root, 'src/helper.ts'), path.join(root, 'inside-link.ts'));
    config = resolveWorkspaceToolConfig(root, { maxFileBytes: 10_000, excludes: ['README.md'] });
  });

  after(() => fs.rmSync(base, { recursive: true, force: true }));

  const read = (args: Record<string, unknown>) => readWorkspaceFileExecutor(config).execute(args);
  const refused = (pattern: RegExp, code = 'denied') => (error: unknown) => error instanceof ToolError && error.code === code && pattern.test(error.message);

  it('reads a file, or a range of its lines, with its workspace path as provenance', async () => {
    const whole = await read({ path: 'src/helper.ts' });
    assert.equal(whole.text, 'src/helper.ts (lines 1–3 of 3)\nexport function helper(x: number) {\n  return x + 1;\n}');
    assert.deepEqual(whole.sources, ['src/helper.ts:1-3']);
    const part = await read({ path: './src/../src/helper.ts', start_line: 2, end_line: 2 });
    assert.equal(part.text, 'src/helper.ts (lines 2–2 of 3)\n  return x + 1;');
    assert.match((await read({ path: 'inside-link.ts' })).text, /^src\/helper\.ts/);
  });

  it('reads a file whose name starts with two dots: only a `..` component leads out', async () => {
    write(root, '..notes.txt', 'dots are part of the name\n');
    try {
      assert.equal((await read({ path: '..notes.txt' })).text, '..notes.txt (lines 1–1 of 1)\ndots are part of the name');
      assert.equal((await read({ path: 'src/../..notes.txt' })).text.split('\n')[0], '..notes.txt (lines 1–1 of 1)');
      assert.deepEqual((await searchWorkspace(config, 'dots are')).matches.map((m) => m.path), ['..notes.txt']);
      await assert.rejects(read({ path: '..' }), refused(/is outside the workspace/));
    } finally {
      fs.rmSync(path.join(root, '..notes.txt'));
    }
  });

  it('refuses path traversal, absolute paths and symbolic links that lead outside', async () => {
    await assert.rejects(read({ path: '../outside/secret.txt' }), refused(/is outside the workspace/));
    await assert.rejects(read({ path: 'src/../../outside/secret.txt' }), refused(/is outside the workspace/));
    await assert.rejects(read({ path: '/etc/passwd' }), refused(/is an absolute path; give a path relative to the workspace/));
    await assert.rejects(read({ path: path.join(root, 'src/main.ts') }), refused(/is an absolute path/));
    await assert.rejects(read({ path: 'escape.txt' }), refused(/symbolic link .* leads outside the workspace/));
    await assert.rejects(read({ path: 'escape-dir/secret.txt' }), refused(/symbolic link .* leads outside the workspace/));
    await assert.rejects(read({ path: 'etc-link/passwd' }), refused(/symbolic link .* leads outside the workspace/));
    await assert.rejects(read({ path: 'src/main.ts\0.png' }), refused(/NUL/));
  });

  it('refuses excluded, ignored, binary, oversized and missing files with the reason', async () => {
    await assert.rejects(read({ path: 'secret-notes/plan.txt' }), refused(/is excluded/));
    await assert.rejects(read({ path: 'debug.log' }), refused(/is excluded/));
    await assert.rejects(read({ path: 'node_modules/lib/index.js' }), refused(/is excluded/));
    await assert.rejects(read({ path: 'README.md' }), refused(/is excluded/));
    await assert.rejects(read({ path: 'logo.png' }), refused(/is a binary file/));
    await assert.rejects(read({ path: 'big.txt' }), refused(/is 14000 bytes, larger than the 10000-byte limit/));
    await assert.rejects(read({ path: 'src/nope.ts' }), refused(/does not exist in the workspace/, 'failed'));
    await assert.rejects(read({ path: 'src' }), refused(/is not a file/, 'failed'));
    await assert.rejects(read({ path: 'src/main.ts', start_line: 9 }), refused(/has 2 lines; start_line 9 is past the end/, 'bad_arguments'));
  });

  it('searches only workspace files that are not excluded, never through symbolic links', async () => {
    const { matches, complete } = await searchWorkspace(config, 'HELPER');
    assert.equal(complete, true);
    assert.deepEqual(matches.map((m) => `${m.path}:${m.line}`), ['src/helper.ts:1', 'src/main.ts:1', 'src/main.ts:2']);
  });

  it('stops a regular expression that backtracks without end, with a clear message', async () => {
    write(root, 'src/redos.txt', `${'a'.repeat(40)}!\n`);
    try {
      await assert.rejects(searchWorkspaceExecutor(config).execute({ query: '^(a+)+$', regex: true }), refused(/took longer than 2000 ms on src\/redos\.txt \(catastrophic backtracking\?\)/, 'timeout'));
    } finally {
      fs.rmSync(path.join(root, 'src/redos.txt'));
    }
  });

  it('stops a search when cancelled', async () => {
    await assert.rejects(searchWorkspace(config, 'helper', { token: { isCancelled: true } }), CancelledError);
  });

  it('searches by regular expression, caps the results and reports a bad pattern', async () => {
    const capped = await searchWorkspace(config, 'helper\\(\\d+\\)', { regex: true, maxResults: 5 });
    assert.deepEqual(capped.matches, [{ path: 'src/main.ts', line: 2, text: 'export const answer = helper(41);' }]);
    const one = await searchWorkspaceExecutor(config).execute({ query: 'helper', max_results: 1 });
    assert.equal(one.text, 'src/helper.ts:1: export function helper(x: number) {\n[more matches not shown; the first 1 are listed]');
    await assert.rejects(searchWorkspaceExecutor(config).execute({ query: '(', regex: true }), refused(/is not a valid regular expression/, 'bad_arguments'));
    // .gitignore, src/helper.ts and src/main.ts; big.txt is over the size limit, logo.png binary, README.md excluded.
    assert.equal((await searchWorkspaceExecutor(config).execute({ query: 'zebra' })).text, 'no matches in 3 files');
  });
});
