import { execFile } from 'node:child_process';

/** The oldest Node the server runs on (root package.json engines.node). */
export const MIN_NODE: readonly [number, number, number] = [20, 19, 0];

export type NodeCheck = { ok: true; version: string } | { ok: false; problem: string };

/** Parses `v20.19.1` into numbers; undefined when it is not a Node version string. */
export function parseNodeVersion(text: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function atLeast(version: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    if (version[i] !== min[i]) return version[i] > min[i];
  }
  return true;
}

export const NODE_FIX = 'Install Node.js 20.19 or newer (https://nodejs.org), or set "arenalab.server.nodePath" to its full path, then run "Developer: Reload Window".';

/** Runs `nodePath --version` without blocking the extension host; the version text, or why it could not. */
export type VersionProbe = (nodePath: string) => Promise<{ stdout: string } | { error: string }>;

export const probeNodeVersion: VersionProbe = (nodePath) => new Promise((resolve) => {
  execFile(nodePath, ['--version'], { encoding: 'utf8', timeout: 10_000, windowsHide: true }, (error, stdout) => {
    resolve(error ? { error: error.message } : { stdout });
  });
});

/**
 * Checks that an external Node can run the server: it exists and is at least 20.19. The problem names what was
 * tried and how to fix it, so the developer never sees a bare spawn error.
 */
export async function checkNode(nodePath: string, probe: VersionProbe = probeNodeVersion): Promise<NodeCheck> {
  const result = await probe(nodePath);
  if ('error' in result) return { ok: false, problem: `ArenaLab could not run Node at "${nodePath}" (${result.error}). ${NODE_FIX}` };
  const version = parseNodeVersion(result.stdout);
  if (!version) return { ok: false, problem: `ArenaLab: "${nodePath} --version" printed "${result.stdout.trim()}", not a Node version. ${NODE_FIX}` };
  if (!atLeast(version, MIN_NODE)) {
    return { ok: false, problem: `ArenaLab needs Node ${MIN_NODE.join('.')} or newer; "${nodePath}" is ${result.stdout.trim()}. ${NODE_FIX}` };
  }
  return { ok: true, version: result.stdout.trim() };
}
