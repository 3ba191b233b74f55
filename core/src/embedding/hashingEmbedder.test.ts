import { strict as assert } from 'node:assert';
import { ConfigError } from '../util';
import { cosineSimilarity } from '../util/cosineSimilarity';
import { DocumentFrequencies } from './documentFrequencies';
import { DEFAULT_HASHING_EMBEDDER_CONFIG, HashingEmbedder } from './hashingEmbedder';

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
}

describe('HashingEmbedder', () => {
  it('is deterministic across instances and between embed and embedOne', async () => {
    const text = 'const userName = getUserName(request); // parse the JSON body';
    const [batched] = await new HashingEmbedder().embed([text]);
    assert.deepEqual(new HashingEmbedder().embedOne(text), batched);
    assert.deepEqual(new HashingEmbedder().embedOne(text), new HashingEmbedder().embedOne(text));
  });

  it('returns unit vectors of the configured dimension, and zero for text without words', () => {
    const embedder = new HashingEmbedder({ dimension: 128 });
    for (const text of ['a', 'hello world', 'x'.repeat(5000), 'snake_case_name and CamelCaseName']) {
      const vector = embedder.embedOne(text);
      assert.equal(vector.length, 128);
      assert.ok(Math.abs(norm(vector) - 1) < 1e-5, `norm of ${text.slice(0, 20)}`);
    }
    assert.equal(norm(embedder.embedOne('  ;;; ')), 0);
    assert.equal(DEFAULT_HASHING_EMBEDDER_CONFIG.dimension, 512);
  });

  it('places similar texts closer than unrelated ones', () => {
    const embedder = new HashingEmbedder();
    const a = embedder.embedOne('How do I read a JSON file in Node.js?');
    const b = embedder.embedOne('How can I read JSON files with Node?');
    const c = embedder.embedOne('The quarterly revenue grew by twelve percent in Europe.');
    assert.ok(cosineSimilarity(a, b) > 0.5, `similar: ${cosineSimilarity(a, b)}`);
    assert.ok(cosineSimilarity(a, b) > cosineSimilarity(a, c) + 0.3);
  });

  it('splits identifiers, so camelCase and snake_case spellings of a name are close', () => {
    const embedder = new HashingEmbedder();
    const camel = embedder.embedOne('parseJsonFile');
    const snake = embedder.embedOne('parse_json_file');
    const other = embedder.embedOne('renderHtmlTable');
    assert.ok(cosineSimilarity(camel, snake) > 0.8, `${cosineSimilarity(camel, snake)}`);
    assert.ok(cosineSimilarity(camel, other) < 0.3);
  });

  it('down-weights words that occur in every document once fitted', () => {
    const corpus = Array.from({ length: 50 }, (_, i) => `common boilerplate header ${['alpha', 'beta', 'gamma', 'delta', 'omega'][i % 5]} item${i}`);
    const query = 'common boilerplate header zebra';
    const target = 'zebra stripes';
    const unfitted = new HashingEmbedder();
    const before = cosineSimilarity(unfitted.embedOne(query), unfitted.embedOne(target));
    const fitted = new HashingEmbedder();
    fitted.fit(corpus);
    const after = cosineSimilarity(fitted.embedOne(query), fitted.embedOne(target));
    assert.ok(after > before + 0.1, `fitted ${after} vs unfitted ${before}`);
    assert.equal(fitted.documentFrequencies.documentCount, 50);
  });

  it('changes its id when the idf state or the config changes, and only then', () => {
    const embedder = new HashingEmbedder();
    const unfittedId = embedder.id;
    assert.equal(unfittedId, new HashingEmbedder().id);
    assert.notEqual(unfittedId, new HashingEmbedder({ dimension: 256 }).id);
    embedder.fit(['one text', 'another text']);
    const fittedId = embedder.id;
    assert.notEqual(fittedId, unfittedId);
    embedder.update(['a third text']);
    assert.notEqual(embedder.id, fittedId);
  });

  it('restores an identical embedder from serialised document frequencies', () => {
    const embedder = new HashingEmbedder({ idfSlots: 4096 });
    embedder.fit(['alpha beta', 'beta gamma', 'gamma delta epsilon']);
    const restored = new HashingEmbedder({ idfSlots: 4096 }, DocumentFrequencies.fromJSON(JSON.parse(JSON.stringify(embedder.documentFrequencies))));
    assert.equal(restored.id, embedder.id);
    assert.deepEqual(restored.embedOne('beta epsilon'), embedder.embedOne('beta epsilon'));
  });

  it('reads only the first maxChars characters', () => {
    const embedder = new HashingEmbedder({ maxChars: 20 });
    const head = 'first twenty chars..';
    assert.deepEqual(embedder.embedOne(head + ' and a long tail that is ignored'), embedder.embedOne(head));
  });

  it('rejects settings outside their bounds with a typed error', () => {
    assert.throws(() => new HashingEmbedder({ dimension: 0 }), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_HASHING_EMBEDDER_CONFIG');
    assert.throws(() => new HashingEmbedder({ minCharGram: 6, maxCharGram: 5 }), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_HASHING_EMBEDDER_CONFIG');
    assert.throws(() => new HashingEmbedder({ idfSlots: 10 }, new DocumentFrequencies(20)), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_HASHING_EMBEDDER_CONFIG');
  });

  it('stops when cancelled', async () => {
    await assert.rejects(new HashingEmbedder().embed(['a', 'b'], { isCancelled: true }), /cancelled/);
  });
});
