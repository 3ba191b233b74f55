import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleNextLineCases, seededRandom, throwIfCancelled } from '@arenalab/core';
import type { Cancellation, NextLineCase, Progress } from '@arenalab/core';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { listWorkspaceFiles, readWorkspaceFile } from '../workspace';
import { percentile } from './benchScale';
import { measureStart } from './benchLspStart';
import type { StartedServer, StartMeasurement } from './benchLspStart';
import { BenchLspError, processMemory, round, withStallLimit } from './lspBenchServer';

export { BenchLspError } from './lspBenchServer';

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
  /** Cold start: from spawning the server (no saved index) to arenalab/status ready. */
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
  /** The first start (fresh store: everything indexed) and the second (the index saved by the first loaded). */
  cold_start: StartMeasurement;
  warm_start: StartMeasurement;
  node: string;
  cpus: number;
}

export interface BenchLspProgress {
  phase(label: string): Progress;
}

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
  const env = { ...process.env, ARENALAB_STORE: store };
  let running: StartedServer | undefined;
  try {
    progress.phase('cold start (no saved index)').report(0, undefined);
    running = await measureStart(options.serverCommand, env, options.repo, cases[0]);
    const cold = running;
    const timed = await timeRequests(cold.client, options.repo, cases, token, progress.phase('inline completions'));
    const memory = processMemory(cold.child.pid as number);
    // The next start can only load what this one finished writing.
    await withStallLimit('saving the index', cold.saved);
    await stop(cold);
    throwIfCancelled(token, 'benchmark');
    progress.phase('warm start (saved index)').report(0, undefined);
    running = await measureStart(options.serverCommand, env, options.repo, cases[0]);
    const warm = running;
    await stop(warm);
    const sorted = [...timed.latencies].sort((a, b) => a - b);
    return {
      benchmark: 'lsp', repo: options.repo, server: options.serverCommand.join(' '),
      files: cold.status.files, windows: cold.status.windows, index_s: cold.start.ready_s,
      requests: cases.length, answered: timed.answered, empty: cases.length - timed.answered,
      p50_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)), p99_ms: round(percentile(sorted, 0.99)),
      max_ms: round(sorted[sorted.length - 1] ?? 0), mean_ms: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
      server_rss_mb: memory.rss, server_rss_mb_peak: memory.peak, cold_start: cold.start, warm_start: warm.start, node: process.version, cpus: os.cpus().length,
    };
  } finally {
    running?.client.dispose();
    if (running !== undefined && running.child.exitCode === null && running.child.signalCode === null) running.child.kill();
    fs.rmSync(store, { recursive: true, force: true });
  }
}

async function stop(server: StartedServer): Promise<void> {
  await withStallLimit('shutdown', server.client.sendRequest('shutdown'));
  await server.client.sendNotification('exit');
  await server.exited;
  server.client.dispose();
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
