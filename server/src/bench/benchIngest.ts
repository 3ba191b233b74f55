import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { systemClock } from '@arenalab/core';
import type { Cancellation, PhasedProgress } from '@arenalab/core';
import type { VectorIndexKind } from '../adapters';
import { discoverSources, ingestIntoStore, DEFAULT_INGEST_CONFIG } from '../ingest';
import { buildDataset, scoreSpans } from '../datasets';
import { loadStoreSpans, SpanStore } from '../store';
import { generateChatLog } from './generateChatLog';

export interface BenchIngestOptions {
  spans: number;
  seed: number;
  index: VectorIndexKind;
  /** Keep the generated log and store here instead of a temporary folder that is removed. */
  keep?: string;
}

export interface PhaseTiming {
  seconds: number;
  spans_per_s: number;
}

export interface BenchIngestResult {
  benchmark: 'ingest';
  generated_turns: number;
  log_mb: number;
  stored_spans: number;
  phases: { ingest: PhaseTiming; quality: PhaseTiming; dataset: PhaseTiming };
  total: PhaseTiming;
  classes: Record<string, number>;
  dataset_spans: number;
  store_mb: number;
  rss_mb_peak: number;
  rss_mb_end: number;
  index: string;
  node: string;
  cpus: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

async function timed<T>(count: () => number, work: () => Promise<T>): Promise<{ value: T; timing: PhaseTiming }> {
  const start = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { value, timing: { seconds: Math.round(seconds * 1000) / 1000, spans_per_s: Math.round(count() / seconds) } };
}

function writeLog(file: string, options: BenchIngestOptions): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const line of generateChatLog({ turns: options.spans, seed: options.seed })) fs.writeSync(fd, line + '\n');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Spans per second for ingest (parse, validate, redact, durable append), quality (embed + score with uniqueness)
 * and dataset build, on a generated chat log; plus peak RSS. Timings are measured, never asserted.
 */
export async function benchIngest(options: BenchIngestOptions, token: Cancellation, progress: PhasedProgress): Promise<BenchIngestResult> {
  const dir = options.keep ? path.resolve(options.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'chat.jsonl');
  const storeDir = path.join(dir, 'store');
  try {
    writeLog(logFile, options);
    let stored = 0;
    const ingest = await timed(() => stored, async () => {
      const store = await SpanStore.open(storeDir, { mode: 'write', command: 'arenalab bench ingest' });
      try {
        const { sources } = discoverSources(logFile, 'chat', DEFAULT_INGEST_CONFIG.batchSize);
        const report = await ingestIntoStore(sources, store, token, progress.phase('ingest'));
        stored = store.count;
        return report;
      } finally {
        await store.close();
      }
    });
    const quality = await timed(() => stored, async () => {
      const spans = await loadStoreSpans(storeDir, token, progress.phase('read store'));
      return scoreSpans(spans, { indexKind: options.index }, token, progress);
    });
    const dataset = await timed(() => stored, () => buildDataset(quality.value, systemClock, {}, token, progress));
    const totalSeconds = ingest.timing.seconds + quality.timing.seconds + dataset.timing.seconds;
    return {
      benchmark: 'ingest',
      generated_turns: options.spans,
      log_mb: mb(fs.statSync(logFile).size),
      stored_spans: stored,
      phases: { ingest: ingest.timing, quality: quality.timing, dataset: dataset.timing },
      total: { seconds: Math.round(totalSeconds * 1000) / 1000, spans_per_s: Math.round(stored / totalSeconds) },
      classes: quality.value.quality.classes,
      dataset_spans: dataset.value.dataset.stats.total_spans,
      store_mb: mb(fs.statSync(path.join(storeDir, 'spans.log')).size),
      rss_mb_peak: mb(process.resourceUsage().maxRSS * 1024),
      rss_mb_end: mb(process.memoryUsage().rss),
      index: quality.value.indexFallback ? `exact (hnsw unavailable: ${quality.value.indexFallback})` : options.index,
      node: process.version,
      cpus: os.cpus().length,
    };
  } finally {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
