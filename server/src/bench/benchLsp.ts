import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleNextLineCases, seededRandom, throwIfCancelled } from '@arenalab/core';
import type { Cancellation, NextLineCase, Progress } from '@arenalab/core';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { StatusParams } from '@arenalab/protocol';
import { listWorkspaceFiles, readWorkspaceFile } from '../workspace';
import { percentile } from './benchScale';

export interface BenchLspOptions {
  repo: string;
  /** Completion requests to time. */
  requests: number;
  seed: number;
  /** How to start the server, e.g. [node, arenalab.js, 'lsp', '--stdio']; the first element is the executable. */
  serverCommand: readonly string[];
}

export interface BenchLspResult {
  benchmark: 'lsp';
  repo: string;
  server: string;
  files: number;
  windows: number;
  /** From `initialized` to arenalab/status ready. */
  index_s: number;
  requests: number;
  answered: number;
  empty: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
  /** The server's resident memory at the end and its peak (VmRSS, VmHWM); null where /proc is not available. */
  server_rss_mb: number | null;
  server_rss_mb_peak: number | null;
  node: string;
  cpus: number;
}

export interface BenchLspProgress {
  phase(label: string): Progress;
}

/** The benchmark could not run: the server failed to start, index, or answer. */
export class BenchLspError extends Error {
  readonly code = 'bench_lsp';
  constructor(message: string) {
    super(message);
    this.name = 'BenchLspError';
  }
}

/** Longest wait for one answer or for the index; past it the server is considered hung. */
const STALL_MS = 10 * 60 * 1000;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `count` of the cases, a seeded sample, in file and line order; all of them when there are no more. */
function sampleCases(cases: readonly NextLineCase[], count: number, seed: number): NextLineCase[] {
  const pool = [...cases];
  const random = seededRandom(seed);
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** VmRSS and VmHWM of a process in MB, from /proc (Linux); null elsewhere or once it has exited. */
function processMemory(pid: number): { rss: number | null; peak: number | null } {
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

function withStallLimit<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchLspError(`${what}: no answer from the server in ${STALL_MS / 1000} s`)), STALL_MS);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/** The server as a child process with a client; the child is in its own process group, so Ctrl-C reaches only us. */
function startServer(command: readonly string[], env: NodeJS.ProcessEnv): { child: ChildProcessWithoutNullStreams; client: MessageConnection; exited: Promise<string> } {
  const child = spawn(command[0], command.slice(1), { env, detached: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`the server exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.onRequest('window/workDoneProgress/create', () => null);
  return { child, client, exited };
}

/** Resolves when the server announces its index ready; rejects on an error status or an early exit. */
function waitForReady(client: MessageConnection, exited: Promise<string>): Promise<StatusParams> {
  const ready = new Promise<StatusParams>((resolve, reject) => client.onNotification('arenalab/status', (status: StatusParams) => {
    if (status.state === 'ready') resolve(status);
    if (status.state === 'error') reject(new BenchLspError(`indexing failed: ${status.message}`));
  }));
  return withStallLimit('indexing', Promise.race([ready, exited.then((why) => Promise.reject(new BenchLspError(why)))]));
}

/**
 * `arenalab bench lsp`: end-to-end completion latency through the language server over stdio. Starts the real server
 * as a child process, initializes it with the repository as the workspace folder, waits for arenalab/status ready,
 * then for each sampled next-line case (the cursor at the start of a blank target line) opens the document without
 * that line, waits until the server has handled the open (an arenalab/explain round trip), and times
 * textDocument/inlineCompletion from send to answer. Outcomes go to a temporary store, never into the repository.
 */
export async function benchLsp(options: BenchLspOptions, token: Cancellation, progress: BenchLspProgress): Promise<BenchLspResult> {
  const listed = listWorkspaceFiles(options.repo);
  const files = listed.map((f) => ({ path: f.path, language: f.language, text: readWorkspaceFile(f) }));
  const cases = sampleCases(sampleNextLineCases(files, { perFile: 10, seed: options.seed }), options.requests, options.seed);
  if (cases.length === 0) throw new BenchLspError(`${options.repo}: no source lines to complete (${files.length} source files)`);
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-bench-lsp-'));
  const { child, client, exited } = startServer(options.serverCommand, { ...process.env, ARENALAB_STORE: store });
  client.listen();
  try {
    const root = pathToFileURL(path.resolve(options.repo)).href;
    await withStallLimit('initialize', client.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: path.basename(options.repo) }], capabilities: { window: { workDoneProgress: true } } }));
    const indexing = progress.phase('server indexing');
    indexing.report(0, undefined);
    const started = performance.now();
    const ready = waitForReady(client, exited);
    await client.sendNotification('initialized', {});
    const status = await ready;
    const indexSeconds = (performance.now() - started) / 1000;
    const timed = await timeRequests(client, options.repo, cases, token, progress.phase('inline completions'));
    const memory = processMemory(child.pid as number);
    await withStallLimit('shutdown', client.sendRequest('shutdown'));
    await client.sendNotification('exit');
    await exited;
    const sorted = [...timed.latencies].sort((a, b) => a - b);
    return {
      benchmark: 'lsp', repo: options.repo, server: options.serverCommand.join(' '),
      files: status.files, windows: status.windows, index_s: round(indexSeconds),
      requests: cases.length, answered: timed.answered, empty: cases.length - timed.answered,
      p50_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)), p99_ms: round(percentile(sorted, 0.99)),
      max_ms: round(sorted[sorted.length - 1] ?? 0), mean_ms: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
      server_rss_mb: memory.rss, server_rss_mb_peak: memory.peak, node: process.version, cpus: os.cpus().length,
    };
  } finally {
    client.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill();
    fs.rmSync(store, { recursive: true, force: true });
  }
}

async function timeRequests(client: MessageConnection, repo: string, cases: readonly NextLineCase[], token: Cancellation, progress: Progress): Promise<{ latencies: number[]; answered: number }> {
  const latencies: number[] = [];
  let answered = 0;
  for (let i = 0; i < cases.length; i++) {
    progress.report(i, cases.length);
    throwIfCancelled(token, 'benchmark');
    const c = cases[i];
    const uri = pathToFileURL(path.join(path.resolve(repo), ...c.file.split('/'))).href;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: c.language, version: 1, text: `${c.prefix}\n${c.suffix}` } });
    // A request the server answers at once: when it returns, the open (and its indexing) is behind us.
    await withStallLimit('arenalab/explain', client.sendRequest('arenalab/explain', { suggestionId: '' }));
    const start = performance.now();
    const items = await withStallLimit('textDocument/inlineCompletion', client.sendRequest<unknown[] | null>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: c.line, character: 0 }, context: { triggerKind: 1 } }));
    latencies.push(performance.now() - start);
    if (Array.isArray(items) && items.length > 0) answered++;
    await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  progress.report(cases.length, cases.length);
  return { latencies, answered };
}
