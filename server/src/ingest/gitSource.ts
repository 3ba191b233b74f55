import * as path from 'node:path';
import { GitSpanConverter } from '@arenalab/core';
import type { Cancellation, Span } from '@arenalab/core';
import { readGitHistory } from './gitHistory';
import type { SourceBatch, SpanSource } from './spanSource';

/** A repository's history, streamed commit by commit and cut into batches of spans. */
export function gitSource(repoDir: string, batchSize: number): SpanSource {
  return {
    path: repoDir,
    format: 'git',
    async *batches(token: Cancellation): AsyncGenerator<SourceBatch> {
      const converter = new GitSpanConverter({ repo: path.basename(path.resolve(repoDir)) });
      let pending: Span[] = [];
      for await (const commit of readGitHistory(repoDir, { token })) {
        pending.push(...converter.convert(commit));
        if (pending.length >= batchSize) {
          yield { candidates: pending.map((span) => ({ span, origin: { file: repoDir, line: 0 } })), problems: [] };
          pending = [];
        }
      }
      if (pending.length) yield { candidates: pending.map((span) => ({ span, origin: { file: repoDir, line: 0 } })), problems: [] };
    },
  };
}
