import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextLineCase } from '@arenalab/core';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { StatusParams } from '@arenalab/protocol';
import { percentile } from './benchScale';
import { processMemory, round, startServer, waitForReady, withStallLimit } from './lspBenchServer';

/** One start of the server on the workspace, as a user reopening it meets it. */
export interface StartMeasurement {
  /** Whether the completion index came from the saved index (`saved`) or was indexed from scratch (`built`). */
  index_source: 'saved' | 'built' | null;
  /** From spawning the server to arenalab/status ready (process start, initialize and indexing). */
  ready_s: number;
  /** From spawning the server to its first answer to a completion request (whatever it held). */
  first_response_s: number;
  /** Probe requests answered with a suggestion while it indexed. */
  answered_during_indexing: number;
  /** Inline completions in the open probe document sent while the server was indexing, one every 50 ms or so. */
  during_indexing: { requests: number; p50_ms: number; p99_ms: number; max_ms: number };
  /** The server's memory when ready (VmRSS, VmHWM); null without /proc. */
  server_rss_mb: number | null;
  server_rss_mb_peak: number | null;
}

/** A started server, ready, with its measurement; the caller goes on using it and shuts it down. */
export interface StartedServer {
  child: ChildProcessWithoutNullStreams;
  client: MessageConnection;
  exited: Promise<string>;
  status: StatusParams;
  start: StartMeasurement;
  /** Resolves once the server logged that it wrote (or could not write) the saved index. */
  saved: Promise<void>;
}

/** Pause between two probe requests: about a fast typist's pace, so the probes do not themselves starve the indexing. */
const PROBE_INTERVAL_MS = 50;

/**
 * Starts the server on `repo` and, from `initialized` until ready, keeps asking for an inline completion at the
 * probe's line in the open probe document (the document itself is searched even before the index is there).
 */
export async function measureStart(command: readonly string[], env: NodeJS.ProcessEnv, repo: string, probe: NextLineCase): Promise<StartedServer> {
  const spawned = performance.now();
  const { child, client, exited } = startServer(command, env);
  let onSaved = () => {};
  const saved = new Promise<void>((resolve) => (onSaved = resolve));
  client.onNotification('window/logMessage', (p: { message: string }) => {
    if (/^completion index: (saved to|the index could not be saved)/.test(p.message)) onSaved();
  });
  client.listen();
  const root = pathToFileURL(path.resolve(repo)).href;
  await withStallLimit('initialize', client.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: path.basename(repo) }], capabilities: { window: { workDoneProgress: true } } }));
  let status: StatusParams | undefined;
  let readyAt = 0;
  const ready = waitForReady(client, exited).then((s) => {
    readyAt = performance.now();
    status = s;
    return s;
  });
  await client.sendNotification('initialized', {});
  const uri = pathToFileURL(path.join(path.resolve(repo), ...probe.file.split('/'))).href;
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: probe.language, version: 1, text: `${probe.prefix}\n${probe.suffix}` } });
  const latencies: number[] = [];
  let firstResponse = 0;
  let answered = 0;
  while (status === undefined) {
    const sent = performance.now();
    const items = await withStallLimit('textDocument/inlineCompletion', client.sendRequest<unknown[] | null>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: probe.line, character: 0 }, context: { triggerKind: 1 } }));
    const back = performance.now();
    firstResponse ||= back;
    // A request that was still out when ready came was not answered while indexing.
    if (status !== undefined) break;
    latencies.push(back - sent);
    if (Array.isArray(items) && items.length > 0) answered++;
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
  }
  await ready;
  await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const memory = processMemory(child.pid as number);
  const sorted = [...latencies].sort((a, b) => a - b);
  const start: StartMeasurement = {
    index_source: status.indexSource ?? null,
    ready_s: round((readyAt - spawned) / 1000),
    first_response_s: round(((firstResponse || readyAt) - spawned) / 1000),
    answered_during_indexing: answered,
    during_indexing: { requests: sorted.length, p50_ms: round(percentile(sorted, 0.5)), p99_ms: round(percentile(sorted, 0.99)), max_ms: round(sorted[sorted.length - 1] ?? 0) },
    server_rss_mb: memory.rss,
    server_rss_mb_peak: memory.peak,
  };
  return { child, client, exited, status, start, saved };
}
