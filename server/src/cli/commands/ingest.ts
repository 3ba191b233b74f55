import { Option } from 'commander';
import type { Command } from 'commander';
import { discoverSources, ingestIntoStore, INGEST_FORMAT_OPTIONS, DEFAULT_INGEST_CONFIG } from '../../ingest';
import type { IngestFormatOption, IngestReport } from '../../ingest';
import { resolveStoreDir, SpanStore } from '../../store';
import { InterruptToken } from '../interruptToken';
import { printResult, table } from '../output';
import { TerminalProgress } from '../terminalProgress';
import { parsePositiveInt } from '../parsePositiveInt';

/** `--wait`: how long each batch waits for another writer's append lock (instead of the store's 30 s). */
const LONG_WAIT_MS = 10 * 60 * 1000;

export interface IngestCommandOptions {
  format: IngestFormatOption;
  store?: string;
  json?: boolean;
  batchSize: number;
  wait?: boolean;
}

/** Opens the store for writing, ingests `target` and closes it; shared by `ingest` and `run`. */
export async function runIngest(target: string, storeDir: string, format: IngestFormatOption, batchSize: number, wait: boolean): Promise<IngestReport & { store: string; recovery: unknown }> {
  const token = new InterruptToken();
  const progress = new TerminalProgress();
  const store = await SpanStore.open(storeDir, { mode: 'write', command: `arenalab ingest ${target}`, ...(wait ? { waitTimeoutMs: LONG_WAIT_MS } : {}) });
  try {
    if (store.recovery) process.stderr.write(`arenalab: store recovered: ${`${store.recovery.detail} (${store.recovery.truncatedBytes} bytes, ${store.recovery.droppedRecords} unacknowledged records cut)`}\n`);
    const { sources, problems } = discoverSources(target, format, batchSize);
    const report = await ingestIntoStore(sources, store, token, progress.phase('ingest'), { ...DEFAULT_INGEST_CONFIG, batchSize });
    report.problemCount += problems.length;
    report.problems.unshift(...problems.map((p) => `${p.file}: ${p.message}`));
    if (problems.length) report.problemKinds.push({ kind: 'file not ingested', count: problems.length });
    return { store: storeDir, recovery: store.recovery, ...report };
  } finally {
    progress.stop();
    token.dispose();
    await store.close();
  }
}

export function formatIngestReport(report: IngestReport & { store: string }): string {
  const lines = [
    `store ${report.store}: ${report.appended} spans stored, ${report.duplicates} already there, ${report.problemCount} records skipped`,
  ];
  if (report.sources.length) lines.push(table([['source', 'format', 'spans', 'problems'], ...report.sources.map((s) => [s.path, s.format, s.spans, s.problems])]));
  const kinds = Object.entries(report.redactions);
  lines.push(kinds.length ? `secrets redacted: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')} (in ${report.redactedSpans} spans)` : 'secrets redacted: none found');
  if (report.problemKinds.length > 1) {
    lines.push('skipped by kind:', ...report.problemKinds.map((k) => `  ${String(k.count).padStart(6)}  ${k.kind}`));
  }
  if (report.problems.length) {
    lines.push(`problems${report.problemCount > report.problems.length ? ` (first ${report.problems.length} of ${report.problemCount})` : ''}:`);
    lines.push(...report.problems.map((p) => `  ${p}`));
  }
  if (report.cancelled) lines.push('cancelled: stopped after the last complete batch; everything stored above is durable');
  if (report.failure) {
    lines.push(`stopped: ${report.failure.message}`);
    lines.push(`${report.appended} spans of this run are durably stored; the ${report.failure.notStored} spans being appended when it failed, and any not read yet, are not`);
  }
  return lines.join('\n');
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Validate, redact secrets and durably append spans from a file, a folder or a git repository.')
    .argument('<path>', 'a file (JSONL spans, chat log, ChatGPT conversations.json), a folder, or a git repository')
    .addOption(new Option('--format <format>', 'input format').choices([...INGEST_FORMAT_OPTIONS]).default('auto'))
    .option('--store <dir>', 'store directory (default: ./.arenalab)')
    .option('--batch-size <n>', 'spans per durable append', parsePositiveInt, DEFAULT_INGEST_CONFIG.batchSize)
    .option('--wait', 'wait up to 10 minutes (instead of 30 s) for a busy or stuck writer\'s append lock')
    .option('--json', 'print one JSON document')
    .action(async (target: string, options: IngestCommandOptions) => {
      const report = await runIngest(target, resolveStoreDir(options.store), options.format, options.batchSize, Boolean(options.wait));
      printResult(report, Boolean(options.json), formatIngestReport);
      if (report.failure) process.exitCode = 1;
      else if (report.cancelled) process.exitCode = 130;
      // Nothing readable in what the user pointed at is a failure, not a quiet success.
      else if (report.accepted === 0 && report.problemCount > 0) process.exitCode = 1;
    });
}
