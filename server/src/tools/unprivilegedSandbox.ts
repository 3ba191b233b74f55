import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLanguage } from '@arenalab/core';
import { buildSync } from 'esbuild';
import type { SandboxOutcome } from './classifySandboxRun';
import type { SandboxLimits } from './sandboxLimits';

/** The uid and gid tests use for an unprivileged caller (nobody). */
export const NOBODY = 65534;

export interface NobodyRun {
  language: CodeLanguage;
  code: string;
  inputs?: Record<string, string>;
}

export type NobodyRunsResult =
  | { ok: true; mode: string; runs: { outcome: SandboxOutcome; stdout: string; stderr: string }[]; stderr: string }
  | { ok: false; error: string; stderr: string };

// The child loads the sandbox from this bundle and nothing else of the checkout: the checkout may lie under a private
// folder (a home, a mktemp -d) that nobody cannot read.
const CHILD = `
const fs = require('node:fs');
const { CodeSandbox } = require('./codeSandbox.js');
const { limits, runs } = JSON.parse(fs.readFileSync(__dirname + '/runs.json', 'utf8'));
(async () => {
  const sandbox = await CodeSandbox.create(limits);
  const results = [];
  for (const run of runs) {
    const result = await sandbox.run(run.language, run.code, { inputs: run.inputs });
    results.push({ outcome: result.outcome, stdout: result.stdout, stderr: result.stderr });
  }
  console.log(JSON.stringify({ ok: true, mode: sandbox.mode, runs: results }));
})().catch((error) => console.log(JSON.stringify({ ok: false, error: error.message })));
`;

let bundled: string | undefined;

/** The compiled sandbox and what it requires, as one file in a world-readable folder under /tmp (made once per process). */
function sandboxBundle(): string {
  if (bundled && fs.existsSync(bundled)) return bundled;
  const dir = fs.mkdtempSync('/tmp/arenalab-nobody-');
  fs.chmodSync(dir, 0o755);
  buildSync({ entryPoints: [require.resolve('./codeSandbox')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: path.join(dir, 'codeSandbox.js'), logLevel: 'error' });
  fs.writeFileSync(path.join(dir, 'child.js'), CHILD);
  for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o644);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  bundled = dir;
  return dir;
}

/**
 * Runs programs in a sandbox made by an unprivileged process (uid nobody, no capabilities), so the sandbox takes its
 * rootless path (user namespaces). Needs root to switch to nobody; the runs go one after another in one child.
 */
export function runSandboxAsNobody(runs: readonly NobodyRun[], limits: Partial<SandboxLimits> = {}): NobodyRunsResult {
  const dir = sandboxBundle();
  fs.writeFileSync(path.join(dir, 'runs.json'), JSON.stringify({ limits, runs }), { mode: 0o644 });
  fs.chmodSync(path.join(dir, 'runs.json'), 0o644);
  const child = spawnSync(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--inh-caps=-all', process.execPath, path.join(dir, 'child.js')],
    { encoding: 'utf8', timeout: 120_000, cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: '/tmp', LANG: 'C.UTF-8' } },
  );
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  try {
    return { ...(JSON.parse(last) as NobodyRunsResult), stderr: child.stderr ?? '' };
  } catch {
    return { ok: false, error: `the unprivileged child printed no result (status ${String(child.status)}, ${child.error?.message ?? 'no spawn error'})`, stderr: child.stderr ?? '' };
  }
}
