import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { StatusParams } from '@arenalab/protocol';

// The language server as `arenalab bench lsp` drives it: a child process with a client, its memory, and the waits
// (each with a stall limit) the measurements need.

/** The benchmark could not run: the server failed to start, index, or answer. */
export class BenchLspError extends Error {
  readonly code = 'bench_lsp';
  constructor(message: string) {
    super(message);
    this.name = 'BenchLspError';
  }
}

/** Longest wait for one answer or for the index; past it the server is considered hung. */
export const STALL_MS = 10 * 60 * 1000;

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** VmRSS and VmHWM of a process in MB, from /proc (Linux); null elsewhere or once it has exited. */
export function processMemory(pid: number): { rss: number | null; peak: number | null } {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rss: null, peak: null };
  }
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match === null ? null : round(Number(match[1]) / 1024, 1);
  };
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export function withStallLimit<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchLspError(`${what}: no answer from the server in ${STALL_MS / 1000} s`)), STALL_MS);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/** The server as a child process with a client; the child is in its own process group, so Ctrl-C reaches only us. */
export function startServer(command: readonly string[], env: NodeJS.ProcessEnv): { child: ChildProcessWithoutNullStreams; client: MessageConnection; exited: Promise<string> } {
  const child = spawn(command[0], command.slice(1), { env, detached: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`the server exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.onRequest('window/workDoneProgress/create', () => null);
  return { child, client, exited };
}

/** Resolves when the server announces its index ready; rejects on an error status or an early exit. */
export function waitForReady(client: MessageConnection, exited: Promise<string>): Promise<StatusParams> {
  const ready = new Promise<StatusParams>((resolve, reject) => client.onNotification('arenalab/status', (status: StatusParams) => {
    if (status.state === 'ready') resolve(status);
    if (status.state === 'error') reject(new BenchLspError(`indexing failed: ${status.message}`));
  }));
  return withStallLimit('indexing', Promise.race([ready, exited.then((why) => Promise.reject(new BenchLspError(why)))]));
}

