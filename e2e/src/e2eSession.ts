import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBrowser } from './browser';
import type { OpenBrowser } from './browser';
import { codeServerDirs, extensionHostLogs, installExtension, startCodeServer, writeUserSettings } from './codeServer';
import type { CodeServerDirs, RunningCodeServer } from './codeServer';
import { describeStore } from './spanLog';

export const REPO = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(REPO, 'e2e', 'artifacts');
const FIXTURE = path.join(REPO, 'test-fixtures', 'e2e-workspace');

/** One spec's running editor: a temp home with a copy of the fixture workspace, code-server and a browser on it. */
export interface E2eSession {
  home: string;
  dirs: CodeServerDirs;
  workspace: string;
  server: RunningCodeServer;
  browser: OpenBrowser;
  /** The extension host's logs and the browser console's errors, for failure messages. */
  logs(): string;
}

export interface E2eSessionOptions {
  /** Prefix of the spec's artifacts (`<name>-failure.png`, …) and of its temp home. */
  name: string;
  /** Artifacts of an earlier run of this spec to clear first (only its own: the specs share the folder). */
  artifacts: readonly string[];
  /** Fills the workspace (its store, say) before the editor starts. */
  prepare?(workspace: string, home: string): void;
}

let packaged: string | undefined;

/**
 * The .vsix a user installs (the README's `npm run package`), built once per test run: every spec installs the same
 * build, and packing it three times would only cost time.
 */
function packagedExtension(): string {
  if (packaged !== undefined && fs.existsSync(packaged)) return packaged;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-e2e-vsix-'));
  execFileSync('npm', ['run', 'package', '--', '--out', dir, '--target', 'linux-x64'], { cwd: REPO, stdio: 'pipe' });
  // The platform package, as VS Code picks it on this machine (the universal one is checked by packaging.test.ts).
  const vsix = path.join(dir, fs.readdirSync(dir).find((name) => /^arenalab-linux-x64-.*\.vsix$/.test(name)) ?? 'missing-platform.vsix');
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return (packaged = vsix);
}

async function startSession(options: E2eSessionOptions): Promise<E2eSession> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `arenalab-e2e-${options.name}-`));
  const dirs = codeServerDirs(home);
  const workspace = path.join(home, 'e2e-workspace');
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const old of options.artifacts) fs.rmSync(path.join(ARTIFACTS, old), { recursive: true, force: true });
  options.prepare?.(workspace, home);
  await installExtension(packagedExtension(), dirs);
  writeUserSettings(dirs);
  const server = await startCodeServer(dirs);
  const partial = { home, dirs, workspace, server } as E2eSession;
  partial.browser = await openBrowser().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  partial.logs = () => `${extensionHostLogs(dirs)}\n--- chromium console errors\n${partial.browser.consoleErrors()}`;
  return partial;
}

/** Screenshot, logs and all of VS Code's logs of a failed step, since the temp home goes away. */
async function keepFailure(session: E2eSession, name: string): Promise<void> {
  const shot = path.join(ARTIFACTS, `${name}-failure.png`);
  const logFile = path.join(ARTIFACTS, `${name}-failure-logs.txt`);
  await session.browser.page.screenshot({ path: shot }).catch(() => undefined);
  fs.writeFileSync(logFile, `${session.logs()}\n--- code-server\n${session.server.output()}\n${describeStore(session.workspace)}`);
  fs.cpSync(path.join(session.dirs.userData, 'logs'), path.join(ARTIFACTS, `${name}-vscode-logs`), { recursive: true });
  console.log(`    e2e failure screenshot: ${shot}, logs: ${logFile} and ${name}-vscode-logs/`);
}

/**
 * Registers the spec's hooks on the current `describe` and returns the session, filled in by its `before`. The steps
 * build on each other, so after a failure the later ones are skipped rather than waiting out their timeouts.
 */
export function useE2eSession(options: E2eSessionOptions): { readonly current: E2eSession } {
  const holder: { current: E2eSession } = { current: undefined as unknown as E2eSession };
  let failed = false;
  before(async () => {
    holder.current = await startSession(options);
  });
  beforeEach(function () {
    if (failed) this.skip();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (holder.current !== undefined) await keepFailure(holder.current, options.name);
  });
  after(async () => {
    const session = holder.current;
    if (session === undefined) return;
    await session.browser.browser.close();
    await session.server.stop();
    fs.rmSync(session.home, { recursive: true, force: true });
  });
  return holder;
}
