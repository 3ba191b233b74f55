import { strict as assert } from 'node:assert';
import { SPAN_SCHEMA_VERSION } from './span';
import { spanContentHash } from './spanContentHash';
import { assertValidSpan, SpanValidationError, validateSpan } from './validateSpan';

const base = { who: 'dev', did: 'edit', this: 'README.md', when: '2026-03-01T10:00:00Z', status: 'completed' };

function problemsOf(value: unknown, config?: Parameters<typeof validateSpan>[1]): string[] {
  const result = validateSpan(value, config);
  assert.equal(result.ok, false, 'expected the value to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
}

describe('validateSpan', () => {
  it('accepts a minimal span and fills in schema_version, source and a derived id', () => {
    const result = validateSpan(base);
    assert.ok(result.ok);
    assert.equal(result.span.schema_version, SPAN_SCHEMA_VERSION);
    assert.equal(result.span.source, 'user_upload');
    assert.match(result.span.id, /^sp_[0-9a-f]{24}$/);
    assert.equal(result.span.id, 'sp_' + spanContentHash(result.span).slice(0, 24));
  });

  it('derives the same id for the same content whatever the key order, and keeps a given id', () => {
    const reordered = { status: 'completed', when: base.when, this: base.this, did: base.did, who: base.who };
    const a = validateSpan(base);
    const b = validateSpan(reordered);
    assert.ok(a.ok && b.ok);
    assert.equal(a.span.id, b.span.id);
    const given = validateSpan({ ...base, id: 'mine' });
    assert.ok(given.ok);
    assert.equal(given.span.id, 'mine');
  });

  it('reports each missing required field', () => {
    assert.deepEqual(problemsOf({}), [
      'who: is required', 'did: is required', 'this: is required', 'when: is required', 'status: is required',
    ]);
  });

  it('rejects empty and blank strings', () => {
    assert.deepEqual(problemsOf({ ...base, who: '' }), ['who: must not be empty']);
    assert.deepEqual(problemsOf({ ...base, this: ' \n\t' }), ['this: must not be empty']);
    assert.deepEqual(problemsOf({ ...base, id: '' }), ['id: must not be empty']);
  });

  it('names the allowed statuses and what it got', () => {
    assert.deepEqual(problemsOf({ ...base, status: 'done' }), ['status: must be one of pending, completed, failed, got "done"']);
  });

  it('rejects impossible and non-ISO dates but accepts date-only, offsets and fractions', () => {
    for (const when of ['2024-13-45', '2024-02-30', '2023-02-29T00:00:00Z', '2024-01-01T24:00:00Z', 'yesterday', '01/02/2024', '']) {
      assert.deepEqual(problemsOf({ ...base, when }), [`when: must be an ISO-8601 date, got ${JSON.stringify(when)}`]);
    }
    for (const when of ['2024-02-29', '2024-01-01T00:00', '2024-12-31T23:59:59.999+05:30', '2024-06-01 12:00:00Z']) {
      assert.ok(validateSpan({ ...base, when }).ok, when);
    }
    assert.deepEqual(problemsOf({ ...base, when: 1767225600 }), ['when: must be a string, got number 1767225600']);
  });

  it('rejects unknown top-level fields and suggests the field a typo meant', () => {
    assert.deepEqual(problemsOf({ ...base, stauts: 'x' }), ['stauts: is not a known span field (did you mean "status"?)']);
    assert.deepEqual(problemsOf({ ...base, colour: 'red' }), ['colour: is not a known span field']);
  });

  it('accepts unknown fields inside context and metadata but type-checks the known ones', () => {
    assert.ok(validateSpan({ ...base, context: { custom: [1, { a: true }] }, metadata: { anything: null } }).ok);
    assert.deepEqual(problemsOf({ ...base, context: { previous_spans: 'sp_1' } }), ['context.previous_spans: must be an array, got "sp_1"']);
    assert.deepEqual(problemsOf({ ...base, context: { previous_spans: ['a', 3] } }), ['context.previous_spans.1: must be a string, got number 3']);
    assert.deepEqual(problemsOf({ ...base, context: { stakes: 'huge' } }), ['context.stakes: must be one of low, medium, high, got "huge"']);
  });

  it('rejects newer schema versions and unknown sources', () => {
    assert.deepEqual(problemsOf({ ...base, schema_version: SPAN_SCHEMA_VERSION + 1 }), [
      `schema_version: is ${SPAN_SCHEMA_VERSION + 1}, newer than the supported schema version ${SPAN_SCHEMA_VERSION}`,
    ]);
    assert.equal(problemsOf({ ...base, source: 'twitter' }).length, 1);
  });

  it('rejects any string over maxFieldBytes, counting UTF-8 bytes, anywhere in the span', () => {
    const big = 'x'.repeat(2_200_000);
    assert.deepEqual(problemsOf({ ...base, this: big }), ['this: is 2.1 MB, over the 1 MB limit']);
    assert.deepEqual(problemsOf({ ...base, metadata: { notes: [{ text: big }] } }), ['metadata.notes.0.text: is 2.1 MB, over the 1 MB limit']);
    // 400 three-byte characters are 1200 bytes: over a 1 KB limit although only 400 UTF-16 units long.
    assert.deepEqual(problemsOf({ ...base, if_ok: '€'.repeat(400) }, { maxFieldBytes: 1024, maxDepth: 32, maxProblems: 20 }), [
      'if_ok: is 1.17 KB, over the 1 KB limit',
    ]);
    assert.ok(validateSpan({ ...base, if_ok: '€'.repeat(341) }, { maxFieldBytes: 1024, maxDepth: 32, maxProblems: 20 }).ok);
  });

  it('rejects values JSON cannot carry and never throws on cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(problemsOf({ ...base, context: { cyclic } }).length, 1);
    assert.deepEqual(problemsOf({ ...base, metadata: { temperature: Number.NaN } }), ['metadata.temperature: must be a finite number, got NaN']);
    assert.deepEqual(problemsOf({ ...base, metadata: { when: new Date(0) } }), ['metadata.when: must be a plain JSON object']);
  });

  it('rejects a "__proto__" key anywhere instead of silently dropping it', () => {
    const parsed: unknown = JSON.parse(JSON.stringify({ ...base, context: { y: 1 } }).replace('"y"', '"__proto__"'));
    assert.deepEqual(problemsOf(parsed), ['context.__proto__: is a reserved name and cannot be stored']);
  });

  it('rejects non-objects as a whole', () => {
    assert.deepEqual(problemsOf(null), ['-: must be a JSON object, got null']);
    assert.deepEqual(problemsOf([base]), ['-: must be a JSON object, got an array']);
    assert.deepEqual(problemsOf('span'), ['-: must be a JSON object, got "span"']);
  });

  it('assertValidSpan throws a typed error carrying the problems', () => {
    assert.throws(() => assertValidSpan({ ...base, status: 'x' }), (error: unknown) => {
      assert.ok(error instanceof SpanValidationError);
      assert.equal(error.code, 'SPAN_INVALID');
      assert.equal(error.problems[0].field, 'status');
      return true;
    });
    assert.equal(assertValidSpan(base).who, 'dev');
  });
});

describe('spanContentHash', () => {
  it('ignores the id and key order but not content', () => {
    const span = assertValidSpan(base);
    assert.equal(spanContentHash({ ...span, id: 'other' }), spanContentHash(span));
    assert.notEqual(spanContentHash({ ...span, this: 'CHANGELOG.md' }), spanContentHash(span));
    assert.match(spanContentHash(span), /^[0-9a-f]{64}$/);
  });
});
