import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * One entry of the sandbox's root: `dir` and `file` bind a host path read-only, `dev` binds a device node, `link`
 * recreates a symbolic link (`/bin -> usr/bin` on merged-/usr systems). `at` is the path inside the sandbox.
 */
export interface RootEntry {
  kind: 'dir' | 'file' | 'dev' | 'link';
  at: string;
  /** Host path for binds; the link's target for `link`. */
  from: string;
}

/** A read-only input the caller gives a run, or a layout the sandbox cannot build. */
export class SandboxInputError extends Error {
  readonly code = 'BAD_SANDBOX_INPUT' as const;
}

/** Where inputs appear inside the sandbox: `/input/<name>`. */
export const INPUT_DIR = '/input';

// What the interpreters need to start: programs, shared libraries and the standard libraries live under these. /etc,
// /home, /root, /run, /var, /tmp, /srv, /opt and /mnt are not among them.
const SYSTEM_PATHS = ['/usr', '/bin', '/lib', '/lib32', '/lib64', '/libx32'];
// The dynamic loader's cache of library folders (/usr/local/lib and the like); not a secret, just an index.
const LOADER_CACHE = '/etc/ld.so.cache';
const DEVICES = ['/dev/null', '/dev/zero', '/dev/urandom'];
const INPUT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function systemEntry(hostPath: string): RootEntry | undefined {
  const stat = fs.lstatSync(hostPath, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) return { kind: 'link', at: hostPath, from: fs.readlinkSync(hostPath) };
  return stat.isDirectory() ? { kind: 'dir', at: hostPath, from: hostPath } : undefined;
}

function underSystemPath(file: string): boolean {
  return SYSTEM_PATHS.some((dir) => file === dir || file.startsWith(`${dir}/`));
}

/**
 * The sandbox's whole filesystem besides its own /proc, /etc stubs and working folder: the system folders read-only,
 * each interpreter executable that lives elsewhere (a Node under /opt) as a single read-only file, three device nodes,
 * and each input read-only under /input. Nothing else of the host is mounted.
 */
export function sandboxRootLayout(executables: readonly string[], inputs: Readonly<Record<string, string>> = {}): RootEntry[] {
  const entries: RootEntry[] = [];
  for (const dir of SYSTEM_PATHS) {
    const entry = systemEntry(dir);
    if (entry) entries.push(entry);
  }
  if (fs.statSync(LOADER_CACHE, { throwIfNoEntry: false })?.isFile()) entries.push({ kind: 'file', at: LOADER_CACHE, from: LOADER_CACHE });
  for (const executable of executables) {
    const real = fs.realpathSync(executable);
    if (!underSystemPath(real)) entries.push({ kind: 'file', at: executable, from: real });
  }
  for (const device of DEVICES) entries.push({ kind: 'dev', at: device, from: device });
  for (const [name, hostPath] of Object.entries(inputs)) {
    if (!INPUT_NAME.test(name)) throw new SandboxInputError(`input name '${name}' must be letters, digits, '.', '_' or '-' (not starting with '.' or '-')`);
    // Resolved once here: the bind is made of the resolved path, so a symbolic link swapped later changes nothing.
    const real = fs.realpathSync(hostPath);
    const stat = fs.statSync(real);
    if (!stat.isDirectory() && !stat.isFile()) throw new SandboxInputError(`input '${name}' (${hostPath}) is neither a file nor a folder`);
    entries.push({ kind: stat.isDirectory() ? 'dir' : 'file', at: `${INPUT_DIR}/${name}`, from: real });
  }
  for (const entry of entries) {
    if (!path.isAbsolute(entry.at) || /[\t\n]/.test(entry.at + entry.from)) throw new SandboxInputError(`cannot mount '${entry.from}' at '${entry.at}': paths must be absolute and free of tabs and newlines`);
  }
  return entries;
}

/** The layout as the set-up script reads it: one `kind<TAB>at<TAB>from` line per entry. */
export function encodeRootLayout(entries: readonly RootEntry[]): string {
  return entries.map((entry) => `${entry.kind}\t${entry.at}\t${entry.from}`).join('\n');
}
