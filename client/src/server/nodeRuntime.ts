import { spawnSync } from 'node:child_process';

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

const FIX = 'Install Node.js 20.19 or newer (https://nodejs.org), or set "arenalab.server.nodePath" to its full path, then run "Developer: Reload Window".';

/**
 * Checks that the configured Node can run the server: it exists and is at least 20.19. The problem names what was
 * tried and how to fix it, so the developer never sees a bare spawn error.
 */
export function checkNode(nodePath: string): NodeCheck {
  const result = spawnSync(nodePath, ['--version'], { encoding: 'utf8', timeout: 10_000, windowsHide: true });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exited with ${result.status}`;
    return { ok: false, problem: `ArenaLab could not run Node at "${nodePath}" (${why}). ${FIX}` };
  }
  const version = parseNodeVersion(result.stdout);
  if (!version) return { ok: false, problem: `ArenaLab: "${nodePath} --version" printed "${result.stdout.trim()}", not a Node version. ${FIX}` };
  if (!atLeast(version, MIN_NODE)) {
    return { ok: false, problem: `ArenaLab needs Node ${MIN_NODE.join('.')} or newer; "${nodePath}" is ${result.stdout.trim()}. ${FIX}` };
  }
  return { ok: true, version: result.stdout.trim() };
}
