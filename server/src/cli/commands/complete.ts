import type { Command } from 'commander';
import { completeAt } from '../completeAt';
import type { CompleteAtOptions, CompleteAtResult } from '../completeAt';
import { InterruptToken } from '../interruptToken';
import { printResult } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { TerminalProgress } from '../terminalProgress';

const fixed = (x: number) => x.toFixed(2);

function formatCompletion(r: CompleteAtResult): string {
  const header = `${r.file}:${r.line}:${r.col} (${r.language}); ${r.index.files} files, ${r.index.windows} windows indexed in ${r.index.build_s} s`;
  const withheld = r.withheld.map((w) => `withheld by the constitution: ${w.reason}`);
  if (r.candidates.length === 0 && withheld.length > 0) return [header, 'no suggestion', ...withheld].join('\n');
  if (r.candidates.length === 0) return `${header}\nno suggestion (best confidence ${fixed(r.bestConfidence)} below threshold ${fixed(r.threshold)})`;
  const blocks = r.candidates.map((c, i) => {
    const sources = c.provenance.map((p) => `${p.file ?? p.spanId ?? '?'}${p.line === undefined ? '' : `:${p.line}`} (similarity ${fixed(p.similarity)}${p.acceptedBefore > 0 ? `, accepted ${p.acceptedBefore}×` : ''})`);
    return [
      `${i + 1}. confidence ${fixed(c.confidence)}, ${c.method}`,
      ...c.text.split('\n').map((line) => `   │ ${line}`),
      `   from ${sources.join(', ') || 'nowhere recorded'}`,
    ].join('\n');
  });
  return [header, ...blocks, ...withheld].join('\n');
}

/** `arenalab complete`: what the engine suggests at one position, with confidence, method and provenance. */
export function registerCompleteCommand(program: Command): void {
  program
    .command('complete')
    .description('Complete at a position of a file, with the engine over the whole repository: candidates with confidence, method and provenance (file:line, similarity).')
    .requiredOption('--repo <dir>', 'repository to index (.gitignore and default excludes honoured)')
    .requiredOption('--file <path>', 'file to complete in, relative to --repo (or to the working folder), or absolute')
    .requiredOption('--line <n>', 'line of the cursor, 1-based as editors show it', parsePositiveInt)
    .option('--col <n>', 'column of the cursor, 1-based (1 = start of the line)', parsePositiveInt, 1)
    .option('--hold-out', 'remove the file from the index first, as the benchmark does, so its later lines cannot be copied')
    .option('--json', 'print one JSON document (provenance lines 1-based)')
    .action(async (options: CompleteAtOptions & { json?: boolean }) => {
      const token = new InterruptToken();
      const progress = new TerminalProgress();
      try {
        const result = await completeAt(options, token, progress.phase('index'));
        progress.stop();
        printResult(result, Boolean(options.json), formatCompletion);
      } finally {
        progress.stop();
        token.dispose();
      }
    });
}
