import * as fs from 'node:fs';
import type { Command } from 'commander';
import { formatRecordProblem, parseSpansJsonl, QUALITY_DIMENSIONS } from '@arenalab/core';
import type { QualityReport, ScoredSpan, Span } from '@arenalab/core';
import { loadStoreSpans, resolveStoreDir } from '../../store';
import { scoreSpans } from '../../datasets';
import { InterruptToken } from '../interruptToken';
import { formatQualityReport } from '../formatQuality';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { TerminalProgress } from '../terminalProgress';
import { MODEL_OPTION_HELP, withModelEmbedder } from '../modelEmbedder';

interface QualityOptions {
  store?: string;
  json?: boolean;
  limit: number;
  index: 'hnsw' | 'exact';
  model?: string;
}

function spanRow(scored: ScoredSpan): (string | number)[] {
  const m = scored.metrics;
  const what = scored.span.this.replace(/\s+/g, ' ');
  return [scored.span.id, m.class, m.total_score, ...QUALITY_DIMENSIONS.map((d) => m[d]), what.length > 48 ? what.slice(0, 47) + '…' : what];
}

function formatHuman(result: { scored: ScoredSpan[]; report: QualityReport; problems: string[] }, limit: number): string {
  const shown = result.scored.slice(0, limit);
  const lines = [
    table([['id', 'class', 'total', ...QUALITY_DIMENSIONS, 'this'], ...shown.map(spanRow)]),
    shown.length < result.scored.length ? `… ${result.scored.length - shown.length} more (use --limit or --json)` : '',
    formatQualityReport(result.report),
  ];
  if (result.problems.length) lines.push(`${result.problems.length} records skipped:`, ...result.problems.map((p) => `  ${p}`));
  return lines.filter(Boolean).join('\n');
}

async function readSpans(file: string | undefined, store: string | undefined, token: InterruptToken, progress: TerminalProgress): Promise<{ spans: Span[]; problems: string[] }> {
  if (file) {
    const parsed = parseSpansJsonl(fs.readFileSync(file), file);
    return { spans: parsed.spans, problems: parsed.problems.map(formatRecordProblem) };
  }
  return { spans: await loadStoreSpans(resolveStoreDir(store), token, progress.phase('read store')), problems: [] };
}

export function registerQualityCommand(program: Command): void {
  program
    .command('quality')
    .description('Score spans with the five-dimension quality meter: per-span scores, a histogram and counts per class.')
    .argument('[file]', 'a JSONL file of spans (default: the spans of the store)')
    .option('--store <dir>', 'store directory (default: ./.arenalab)')
    .option('--limit <n>', 'spans listed in the human output', parsePositiveInt, 50)
    .option('--index <kind>', 'vector index for uniqueness: hnsw or exact', 'hnsw')
    .option('--model <dir>', MODEL_OPTION_HELP)
    .option('--json', 'print one JSON document with every span and its breakdown')
    .action(async (file: string | undefined, options: QualityOptions) => {
      const token = new InterruptToken();
      const progress = new TerminalProgress();
      try {
        const { spans, problems } = await readSpans(file, options.store, token, progress);
        const { curation, quality } = await withModelEmbedder(options.model, (embedder) => scoreSpans(spans, { indexKind: options.index, embedder }, token, progress));
        progress.stop();
        if (options.json) {
          const spansOut = curation.scored.map(({ span, metrics }) => ({ id: span.id, did: span.did, this: span.this, metrics }));
          printResult({ spans: spansOut, report: quality, problems }, true, () => '');
        } else {
          process.stdout.write(formatHuman({ scored: curation.scored, report: quality, problems }, options.limit) + '\n');
        }
      } finally {
        progress.stop();
        token.dispose();
      }
    });
}
