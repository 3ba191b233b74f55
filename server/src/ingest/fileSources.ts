import * as fs from 'node:fs/promises';
import { importChat, parseSpansJsonl } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import type { SourceBatch, SpanSource } from './spanSource';

/**
 * One file is read whole (importers need the full document for a ChatGPT export and line numbers for JSONL);
 * above this size it is refused with a clear message instead of exhausting memory.
 */
export const MAX_INGEST_FILE_BYTES = 1024 * 1024 * 1024;

async function readWhole(file: string): Promise<{ bytes: Uint8Array; mtime: Date } | { error: string }> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_INGEST_FILE_BYTES) return { error: `file is ${stat.size} bytes, over the ${MAX_INGEST_FILE_BYTES}-byte limit; split it` };
    return { bytes: await fs.readFile(file), mtime: stat.mtime };
  } catch (error) {
    return { error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function* inBatches(spans: readonly Span[], file: string, size: number): Generator<SourceBatch> {
  for (let i = 0; i < spans.length; i += size) {
    // Importers already validated with line numbers; line 0 marks a re-validation failure as file-level.
    yield { candidates: spans.slice(i, i + size).map((span) => ({ span, origin: { file, line: 0 } })), problems: [] };
  }
}

/** A JSONL file of spans. */
export function spansFileSource(file: string, batchSize: number): SpanSource {
  return {
    path: file,
    format: 'spans',
    async *batches() {
      const read = await readWhole(file);
      if ('error' in read) return yield { candidates: [], problems: [{ file, line: 0, field: '-', message: read.error }] };
      const parsed = parseSpansJsonl(read.bytes, file);
      yield { candidates: [], problems: parsed.problems };
      yield* inBatches(parsed.spans, file, batchSize);
    },
  };
}

/** A chat log: OpenAI-style JSONL or a ChatGPT `conversations.json` export; undated turns take the file's mtime. */
export function chatFileSource(file: string, kind: 'chat' | 'chatgpt-export', batchSize: number): SpanSource {
  return {
    path: file,
    format: kind,
    async *batches() {
      const read = await readWhole(file);
      if ('error' in read) return yield { candidates: [], problems: [{ file, line: 0, field: '-', message: read.error }] };
      const imported = importChat(read.bytes, file, kind, { defaultWhen: read.mtime.toISOString() });
      yield { candidates: [], problems: imported.problems };
      yield* inBatches(imported.spans, file, batchSize);
    },
  };
}
