import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ToolError } from '@arenalab/core';
import { readWorkspaceFileExecutor } from './readWorkspaceFile';
import { searchWorkspace } from './searchWorkspace';
import { resolveWorkspaceToolConfig } from './workspacePaths';

// Swaps a workspace folder with a symbolic link to an outside folder and back, as fast as it can, until killed: each
// step is an atomic rename, so the path is always either the real folder or the link.
const RACER = `
const fs = require('node:fs');
const [folder, aside, link] = process.argv.slice(1);
process.stdout.write('racing\\n');
for (;;) {
  try { fs.renameSync(folder, aside); fs.renameSync(link, folder); fs.renameSync(folder, link); fs.renameSync(aside, folder); } catch {}
}
`;

const MAX_READS = 2000;
const MAX_RACE_MS = 5000;

function startRacer(root: string, outside: string): Promise<ChildProcess> {
  const link = path.join(root, 'link');
  fs.symlinkSync(outside, link);
  const racer = spawn(process.execPath, ['-e', RACER, path.join(root, 'docs'), path.join(root, 'aside'), link], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    racer.once('error', reject);
    racer.stdout!.once('data', () => resolve(racer));
  });
}

describe('workspace tools: a folder swapped for a symbolic link while reading (real racing process)', () => {
  let base: string;
  let racer: ChildProcess | undefined;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-ws-race-'));
    fs.mkdirSync(path.join(base, 'workspace/docs'), { recursive: true });
    fs.writeFileSync(path.join(base, 'workspace/docs/notes.txt'), 'inside the workspace\n');
    fs.mkdirSync(path.join(base, 'outside'));
    fs.writeFileSync(path.join(base, 'outside/notes.txt'), 'OUTSIDE-MARKER\n');
  });

  afterEach(() => {
    racer?.kill('SIGKILL');
    racer = undefined;
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('never returns the outside file through read_file or workspace_search', async () => {
    const root = path.join(base, 'workspace');
    const config = resolveWorkspaceToolConfig(root);
    const read = readWorkspaceFileExecutor(config);
    racer = await startRacer(root, path.join(base, 'outside'));
    // Errors other than a ToolError are counted, not thrown, so a leak is reported even where reads also crash.
    const seen = { inside: 0, leaked: 0, refused: 0, untyped: 0 };
    const started = Date.now();
    for (let i = 0; i < MAX_READS && Date.now() - started < MAX_RACE_MS; i++) {
      try {
        const { text } = await read.execute({ path: 'docs/notes.txt' });
        if (text.includes('OUTSIDE-MARKER')) seen.leaked += 1;
        else if (text.includes('inside the workspace')) seen.inside += 1;
      } catch (error) {
        if (error instanceof ToolError) seen.refused += 1;
        else seen.untyped += 1;
      }
      if (i % 50 === 0) {
        try {
          seen.leaked += (await searchWorkspace(config, 'OUTSIDE-MARKER')).matches.length;
        } catch {
          seen.untyped += 1;
        }
      }
    }
    assert.equal(seen.leaked, 0, `the outside file was returned: ${JSON.stringify(seen)}`);
    assert.equal(seen.untyped, 0, `reads failed with an error that is not a ToolError: ${JSON.stringify(seen)}`);
    assert.ok(seen.inside > 0, `the workspace file was never read while racing: ${JSON.stringify(seen)}`);
  });
});
