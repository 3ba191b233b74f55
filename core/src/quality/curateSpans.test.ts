import { strict as assert } from 'node:assert';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { BruteForceIndex } from '../index/bruteForceIndex';
import { CancelledError } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import type { Span } from '../spans/span';
import { curateSpans, DEFAULT_CURATION_CONFIG, spanEmbeddingText } from './curateSpans';
import { scoreSpan } from './scoreSpan';

const TOPICS = ['sorting arrays', 'reading files', 'parsing json', 'http servers', 'unit tests', 'regex groups'];

function span(i: number, topic = TOPICS[i % TOPICS.length]): Span {
  return {
    schema_version: 1,
    id: `s${i}`,
    source: 'chat_import',
    who: 'user',
    did: 'ask_question',
    this: `How do I get started with ${topic} in TypeScript, case ${i}?`,
    when: '2024-01-01T00:00:00Z',
    status: 'completed',
    context: { environment: 'programming/typescript' },
    if_ok: `For ${topic} in TypeScript, start with the standard library, write a small example, check the types the compiler infers, and add a test that covers the edge cases before building on it.`,
  };
}

const deps = () => ({ embedder: new HashingEmbedder(), createIndex: (dim: number) => new BruteForceIndex(dim) });

describe('quality: curateSpans', () => {
  it('embeds the seed text and gives the first span full uniqueness', () => {
    assert.equal(spanEmbeddingText({ ...span(0), if_ok: undefined }), 'user ask_question How do I get started with sorting arrays in TypeScript, case 0?');
  });

  it('scores every span in order; a repeated span loses uniqueness against the accepted one', async () => {
    const spans = [span(0), span(1), { ...span(0), id: 'again' }];
    const result = await curateSpans(spans, deps());
    assert.deepEqual(result.scored.map((s) => s.span.id), ['s0', 's1', 'again']);
    assert.equal(result.scored[0].metrics.uniqueness, 100);
    assert.equal(result.scored[2].metrics.uniqueness < 55, true, `uniqueness ${result.scored[2].metrics.uniqueness}`);
    assert.equal(result.scored[0].embedding?.length, result.dimension);
    assert.deepEqual(result.scored[0].metrics, scoreSpan(spans[0], {}));
  });

  it('batches embedder calls and reports progress up to the total', async () => {
    const calls: number[] = [];
    const inner = new HashingEmbedder();
    const counting: Embedder = { id: inner.id, dimension: inner.dimension, embed: (texts) => (calls.push(texts.length), inner.embed(texts)) };
    const reports: number[] = [];
    const spans = Array.from({ length: 25 }, (_, i) => span(i));
    await curateSpans(spans, { embedder: counting, createIndex: deps().createIndex }, { ...DEFAULT_CURATION_CONFIG, batchSize: 10 }, undefined, {
      report: (done) => reports.push(done),
    });
    assert.deepEqual(calls, [10, 10, 5]);
    assert.deepEqual(reports, [0, 10, 20, 25]);
  });

  it('stops with CancelledError when the token is cancelled between batches', async () => {
    const token = { isCancelled: false };
    const spans = Array.from({ length: 30 }, (_, i) => span(i));
    const progress = { report: (done: number) => (token.isCancelled = done >= 10) };
    await assert.rejects(
      curateSpans(spans, deps(), { ...DEFAULT_CURATION_CONFIG, batchSize: 10 }, token, progress),
      CancelledError,
    );
  });

  it('measures uniqueness only against indexed classes', async () => {
    const spans = [span(0), { ...span(0), id: 'again' }];
    const result = await curateSpans(spans, deps(), { ...DEFAULT_CURATION_CONFIG, indexedClasses: [] });
    assert.equal(result.scored[1].metrics.uniqueness, 100);
  });
});
