import { strict as assert } from 'node:assert';
import { CompletionEngine, neverCancelled, silentProgress } from '@arenalab/core';
import type { BenchSourceFile, CompleteOptions, CompletionRequest, CompletionResult } from '@arenalab/core';
import { runBlockBenchmark } from './runBlockBenchmark';

const progress = { phase: () => silentProgress };

/** Three files with the same three-line function body: each one's body is predicted from the other two. */
function repo(): BenchSourceFile[] {
  return ['add_user', 'add_admin', 'add_guest'].map((name) => ({
    path: `src/${name}.py`,
    language: 'python',
    text: [`def ${name}(db, name):`, "    row = db.insert('users', name)", "    logger.info('inserted', row.id)", '    return row', '', `print(${name})`, ''].join('\n'),
  }));
}

describe('evaluation: runBlockBenchmark', () => {
  it('runs block cases with the target file held out and maxLines 10, scoring whole bodies against both baselines', async () => {
    const files = repo();
    const engine = new CompletionEngine();
    const asked: { request: CompletionRequest; options?: CompleteOptions; indexed: boolean }[] = [];
    const recording = {
      config: engine.config,
      get stats() {
        return engine.stats;
      },
      addFile: (file: string, language: string, text: string) => engine.addFile(file, language, text),
      removeFile: (file: string) => engine.removeFile(file),
      complete: (request: CompletionRequest, options?: CompleteOptions): CompletionResult => {
        asked.push({ request, options, indexed: engine.hasFile(request.file) });
        return engine.complete(request, options);
      },
    };
    const result = await runBlockBenchmark(files, files.map((f) => f.path), recording, { perFile: 5, seed: 1 }, neverCancelled, progress);
    assert.equal(result.cases, 3);
    assert.ok(asked.every((a) => !a.indexed && a.options?.maxLines === 10 && a.request.suffix.trimStart().startsWith('print(')));
    assert.equal(result.engine.block_em, 1);
    assert.equal(result.engine.lines_right, 3);
    assert.equal(result.engine.shown_lines_right, 3);
    assert.equal(result.baselines['first-line-only'].block_em, 0);
    assert.equal(result.baselines['first-line-only'].first_line_em, 1);
    assert.ok(result.baselines['jaccard-copy'].lines_right <= result.engine.lines_right, JSON.stringify(result.baselines));
  });
});
