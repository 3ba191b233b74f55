import { SPAN_SCHEMA_VERSION, type Span } from '@arenalab/core';

/**
 * A small valid span whose content depends on `id` alone, so every distinct id is distinct content. Used by the
 * store tests and by the crash and lock helper scripts, which run in child processes and must agree with the parent.
 */
export function sampleSpan(id: string): Span {
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    id,
    source: 'chat_import',
    who: 'user',
    did: 'ask_question',
    this: `What does span ${id} say? Ünïcödé and "quotes" stay intact.`,
    when: '2024-05-01T12:00:00.000Z',
    status: 'completed',
    context: { environment: 'testing', previous_spans: [], stakes: 'low' },
    if_ok: `Span ${id} answers with a line break\nand a tab\tinside.`,
    metadata: { tokens_used: id.length },
  };
}
