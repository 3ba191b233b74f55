import { execFile, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pollUntil } from './poll';

// code-server 4.100.3 is real VS Code 1.100.3 served to a browser: the only VS Code that installs and runs offline
// here (the Microsoft VS Code builds are not on npm, and downloading one at test time is not allowed). Everything it
// writes (user data, extensions, config, logs) goes under one temp folder so a run never touches $HOME and leaves
// nothing behind. It runs with no `node` on PATH, as on a machine with only the editor installed: the extension must
// start its server on the editor's own runtime.

const E2E_ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(E2E_ROOT, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServerDirs {
  /** Root of everything below; the caller removes it. */
  home: string;
  userData: string;
  extensions: string;
}

export function codeServerDirs(home: string): CodeServerDirs {
  return { home, userData: path.join(home, 'user-data'), extensions: path.join(home, 'extensions') };
}

/**
 * A PATH whose every executable is a link in one folder, except Node's (node, nodejs and the npm scripts that need
 * it), so nothing the editor or the extension starts can find a Node of its own.
 */
function pathWithoutNode(home: string): string {
  const bin = path.join(home, 'bin-without-node');
  if (fs.existsSync(bin)) return bin;
  fs.mkdirSync(bin, { recursive: true });
  const withoutNode = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    let names: string[];
    try { names = fs.readdirSync(dir); } catch { continue; }
    for (const name of names) {
      const link = path.join(bin, name);
      if (withoutNode.has(name) || fs.existsSync(link)) continue;
      fs.symlinkSync(path.join(dir, name), link);
    }
  }
  const found = spawnSync('sh', ['-c', 'command -v node nodejs'], { env: { PATH: bin }, encoding: 'utf8' });
  if (found.stdout.trim() !== '') throw new Error(`the e2e PATH still has a Node: ${found.stdout.trim()}`);
  return bin;
}

/** code-server's config and data would default to ~/.config and ~/.local/share: keep them in the temp home. */
function isolatedEnv(dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: pathWithoutNode(dirs.home),
    XDG_CONFIG_HOME: path.join(dirs.home, 'xdg-config'),
    XDG_DATA_HOME: path.join(dirs.home, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dirs.home, 'xdg-cache'),
  };
}

function ensureInstalled(): void {
  if (!fs.existsSync(ENTRY)) {
    throw new Error(`code-server is not installed at ${ENTRY}: run \`bash scripts/e2e-setup.sh\` (npm test:e2e does)`);
  }
}

/** `code-server --install-extension <vsix>` into the temp extensions folder; resolves with its output. */
export function installExtension(vsix: string, dirs: CodeServerDirs): Promise<string> {
  ensureInstalled();
  const args = [ENTRY, '--install-extension', vsix, '--force', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env: isolatedEnv(dirs), timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`code-server --install-extension ${vsix} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

/**
 * User settings of the test profile. Workspace trust off, or Restricted Mode keeps the extension from activating;
 * quick suggestions off, so VS Code's own suggest widget never takes the Tab meant for the ghost text.
 */
export function writeUserSettings(dirs: CodeServerDirs): void {
  const settings = {
    'security.workspace.trust.enabled': false,
    'editor.inlineSuggest.enabled': true,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.acceptSuggestionOnEnter': 'off',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'git.enabled': false,
    'typescript.disableAutomaticTypeAcquisition': true,
  };
  const user = path.join(dirs.userData, 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings, null, 2));
}

export interface RunningCodeServer {
  url: string;
  /** Everything code-server printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts code-server on 127.0.0.1 at a port the OS picks, and resolves once it says it is listening and serves HTTP. */
export async function startCodeServer(dirs: CodeServerDirs): Promise<RunningCodeServer> {
  ensureInstalled();
  const config = path.join(dirs.home, 'config.yaml');
  fs.writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const args = [
    ENTRY, '--config', config, '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--log', 'debug',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
  ];
  // Its own process group, so stop() ends the extension host, file watcher and ArenaLab server with it.
  const child: ChildProcess = spawn(process.execPath, args, { env: isolatedEnv(dirs), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => { output += String(chunk); });
  child.stderr?.on('data', (chunk) => { output += String(chunk); });
  let exited: string | undefined;
  child.on('exit', (code, signal) => { exited = `code-server exited (code ${code}, signal ${signal})`; });

  const stop = (): Promise<void> => new Promise((resolve) => {
    if (exited !== undefined || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  });
  try {
    // code-server logs "HTTP server listening on http://127.0.0.1:PORT/" with the port it was given.
    const url = await pollUntil(() => {
      if (exited) throw new Error(exited);
      return /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    }, { what: 'code-server to print "HTTP server listening on"', timeoutMs: 60_000, onTimeout: () => output.slice(-4000) });
    await pollUntil(async () => (await fetch(`${url}/healthz`)).ok, {
      what: `${url}/healthz to answer 200`, timeoutMs: 30_000, onTimeout: () => output.slice(-4000),
    });
    return { url, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The extension host's log files (the ArenaLab output channel included), newest session, for failure messages. */
export function extensionHostLogs(dirs: CodeServerDirs, maxChars = 6000): string {
  const logs = path.join(dirs.userData, 'logs');
  if (!fs.existsSync(logs)) return '(no logs folder)';
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost|ArenaLab|arenalab/i.test(full)) found.push(full);
    }
  };
  walk(logs);
  return found.map((file) => `--- ${file}\n${fs.readFileSync(file, 'utf8').slice(-maxChars)}`).join('\n') || '(no extension host log)';
}
