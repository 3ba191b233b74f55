import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { SPAN_SCHEMA_VERSION, type Span } from '../spans/span';
import { decodeBase64Url } from './decodeBase64Url';
import { DEFAULT_REDACTION_CONFIG, redactSecrets, redactSpanSecrets, redactValueSecrets } from './redactSecrets';
import { shannonEntropy } from './shannonEntropy';

const fixtures = path.resolve(__dirname, '../../../test-fixtures/secrets');

describe('secrets: redactSecrets', () => {
  const cases = fs
    .readFileSync(path.join(fixtures, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { input: string; expect: string });

  it('redacts each fixture case to exactly the expected text', () => {
    assert.ok(cases.length >= 20);
    for (const { input, expect } of cases) assert.equal(redactSecrets(input).text, expect, input);
  });

  it('leaves ordinary code, hashes, UUIDs and URLs without credentials unchanged', () => {
    const lines = fs
      .readFileSync(path.join(fixtures, 'ordinary-code.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('# '));
    assert.ok(lines.length >= 40);
    const changed = lines.filter((line) => redactSecrets(line).text !== line);
    assert.deepEqual(changed, []);
  });

  it('counts replacements per kind', () => {
    const text = 'a=AKIAIOSFODNN7EXAMPLE b=ASIAIOSFODNN7EXAMPL2 password: "x9y8z7"';
    assert.deepEqual(redactSecrets(text).counts, { aws_access_key: 2, password: 1 });
  });

  it('respects the configured kinds and entropy threshold', () => {
    const text = 'token = "q8Zx7Lm2Nb4Vc6Xz1Aa9Ss3Dd5Ff7Gg"';
    assert.equal(redactSecrets(text, { ...DEFAULT_REDACTION_CONFIG, kinds: ['password'] }).text, text);
    assert.equal(redactSecrets(text, { ...DEFAULT_REDACTION_CONFIG, entropyThreshold: 6 }).text, text);
    assert.notEqual(redactSecrets(text).text, text);
  });

  it('refuses strings shaped like a JWT whose header has no "alg"', () => {
    const header = Buffer.from('{"typ":"JWT"}').toString('base64url');
    const text = `${header}.eyJzdWIiOiIxIn0.c2lnbmF0dXJl`;
    assert.equal(redactSecrets(text).text, text);
  });

  it('never throws and is idempotent on arbitrary text mixed with secret-like fragments', () => {
    const fragment = fc.constantFrom(
      'password', '=', ': ', '"', "'", '`', '\\', '\n', ' ', '://', '@', 'AKIA', 'ghp_', 'sk-', 'eyJ', '.',
      '-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----', 'token', 'Bearer ', '<redacted:jwt>',
      'q8Zx7Lm2Nb4Vc6Xz1Aa9Ss3Dd5Ff7Gg', 'npm_', 'xoxb-', 'secret', 'AIza', '0123456789abcdef',
    );
    const text = fc.oneof(fc.string({ unit: 'grapheme-composite' }), fc.array(fc.oneof(fragment, fc.string()), { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (input) => {
        const once = redactSecrets(input);
        const twice = redactSecrets(once.text);
        assert.equal(twice.text, once.text);
        assert.deepEqual(twice.counts, {});
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});

describe('secrets: redactSpanSecrets', () => {
  const base: Span = {
    schema_version: SPAN_SCHEMA_VERSION,
    id: 'sp_password=hunter2x',
    source: 'editor',
    who: 'dev',
    did: 'edit',
    this: 'set password: "s3cret99"',
    when: '2024-01-01T00:00:00.000Z',
    status: 'completed',
    context: { environment: 'programming', previous_spans: ['sp_1'], extra: { deep: ['token=q8Zx7Lm2Nb4Vc6Xz1Aa9Ss3Dd5Ff7Gg'] } },
    metadata: { count: 3, flag: true, nothing: null },
  };

  it('redacts nested strings, keeps other values and never touches the id', () => {
    const { span, counts } = redactSpanSecrets(base);
    assert.equal(span.id, base.id);
    assert.equal(span.this, 'set password: "<redacted:password>"');
    assert.deepEqual(span.context?.extra, { deep: ['token=<redacted:high_entropy>'] });
    assert.deepEqual(span.metadata, base.metadata);
    assert.deepEqual(counts, { password: 1, high_entropy: 1 });
    assert.equal(base.this, 'set password: "s3cret99"', 'the input span is not modified');
  });

  it('returns the very same object when there is nothing to redact', () => {
    const clean = { ...base, this: 'rename variable', context: { environment: 'programming' } };
    assert.equal(redactSpanSecrets(clean).span, clean);
  });
});

describe('secrets: redactValueSecrets', () => {
  it('redacts strings at any depth of objects and arrays, keeps keys, numbers and the input unchanged', () => {
    const value = { tool: 'read_file', args: { path: 'a.ts' }, hits: [{ line: 3, text: "const id = 'AKIAQ3EGRT5MXJ7KZP2W';" }], ok: true };
    const { value: redacted, counts } = redactValueSecrets(value);
    assert.deepEqual(redacted, { ...value, hits: [{ line: 3, text: "const id = '<redacted:aws_access_key>';" }] });
    assert.deepEqual(counts, { aws_access_key: 1 });
    assert.match(value.hits[0].text, /AKIAQ3EGRT5MXJ7KZP2W/, 'the input is not modified');
  });

  it('returns the very same value when there is nothing to redact', () => {
    const clean = { text: 'rename variable', list: ['a', 'b'] };
    assert.equal(redactValueSecrets(clean).value, clean);
  });
});

describe('secrets: helpers', () => {
  it('shannonEntropy: 0 for constant text, log2(n) for n distinct characters', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
    assert.ok(Math.abs(shannonEntropy('ab') - 1) < 1e-12);
  });

  it('decodeBase64Url agrees with Buffer on random bytes and rejects invalid input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const encoded = Buffer.from(bytes).toString('base64url');
        assert.equal(decodeBase64Url(encoded), Buffer.from(bytes).toString('latin1'));
        assert.equal(decodeBase64Url(Buffer.from(bytes).toString('base64')), Buffer.from(bytes).toString('latin1'));
      }),
      { seed: 7 },
    );
    assert.equal(decodeBase64Url('ab$c'), undefined);
    assert.equal(decodeBase64Url('abcde'), undefined);
  });
});
