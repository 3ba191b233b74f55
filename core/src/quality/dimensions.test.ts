import { strict as assert } from 'node:assert';
import type { Span } from '../spans/span';
import { scoreCoherence } from './coherence';
import { scoreCompleteness } from './completeness';
import { confirmationStrength } from './confirmation';
import { scoreImpact } from './impact';
import { scoreProvenance } from './provenance';
import { DEFAULT_QUALITY_CONFIG as CONFIG } from './qualityConfig';
import { scoreUniqueness } from './uniqueness';

function chat(overrides: Partial<Span> = {}): Span {
  return {
    schema_version: 1,
    id: 's1',
    source: 'chat_import',
    who: 'user',
    did: 'ask_question',
    this: 'How do I read a file line by line in Node?',
    when: '2024-01-01T00:00:00Z',
    status: 'completed',
    context: { environment: 'programming/javascript' },
    if_ok: 'Use readline with createInterface over fs.createReadStream, then iterate the line events, or use for await over the interface, to read the file one line at a time without loading the whole file into memory.',
    ...overrides,
  };
}

function hasReason(reasons: string[], fragment: string): boolean {
  return reasons.some((reason) => reason.includes(fragment));
}

describe('quality: completeness rules', () => {
  it('gives a complete span 100', () => assert.equal(scoreCompleteness(chat(), CONFIG).score, 100));
  it('takes 40 for a completed span without if_ok, with a readable reason', () => {
    const result = scoreCompleteness(chat({ if_ok: undefined }), CONFIG);
    assert.equal(result.score, 60);
    assert.ok(result.reasons.includes('if_ok missing for a completed span: \u221240'));
  });
  it('treats placeholder outcomes as missing', () => assert.equal(scoreCompleteness(chat({ if_ok: 'N/A' }), CONFIG).score, 60));
  it('takes 40 for a failed span with neither if_not nor if_ok, 15 with only if_ok', () => {
    assert.equal(scoreCompleteness(chat({ status: 'failed', if_ok: undefined }), CONFIG).score, 60);
    assert.equal(scoreCompleteness(chat({ status: 'failed' }), CONFIG).score, 85);
  });
  it('penalises anonymous actors, missing did, trivial this, bad dates, missing domain and pending', () => {
    assert.equal(scoreCompleteness(chat({ who: 'Unknown' }), CONFIG).score, 85);
    assert.equal(scoreCompleteness(chat({ did: ' ' }), CONFIG).score, 80);
    assert.equal(scoreCompleteness(chat({ this: '???' }), CONFIG).score, 75);
    assert.equal(scoreCompleteness(chat({ this: 'sort arrays' }), CONFIG).score, 85);
    assert.equal(scoreCompleteness(chat({ when: 'yesterday' }), CONFIG).score, 85);
    assert.equal(scoreCompleteness(chat({ context: {} }), CONFIG).score, 95);
    assert.equal(scoreCompleteness(chat({ status: 'pending', if_ok: undefined }), CONFIG).score, 75);
  });
  it('takes 10 for a very short prose outcome but not for short code', () => {
    assert.equal(scoreCompleteness(chat({ if_ok: 'Use readline.' }), CONFIG).score, 90);
    assert.equal(scoreCompleteness(chat({ if_ok: '```js\nx()\n```' }), CONFIG).score, 100);
  });
});

describe('quality: provenance rules', () => {
  it('starts from the source trust table and adds an identified actor', () => {
    assert.equal(scoreProvenance(chat(), CONFIG).score, 55 + 15);
    assert.equal(scoreProvenance(chat({ source: 'git_import' }), CONFIG).score, 70 + 15);
    assert.equal(scoreProvenance(chat({ source: 'augmentation', who: '' }), CONFIG).score, 25 - 10);
  });
  it('adds 25 for strong confirmation and 10 for weak', () => {
    assert.equal(scoreProvenance(chat({ confirmed_by: 'tests_passed' }), CONFIG).score, 95);
    assert.equal(scoreProvenance(chat({ confirmed_by: 'looked fine to me' }), CONFIG).score, 80);
  });
  it('reads negated confirmations as weak', () => {
    assert.equal(confirmationStrength('not reviewed', CONFIG), 'weak');
    assert.equal(confirmationStrength('rejected by user', CONFIG), 'weak');
    assert.equal(confirmationStrength('Accepted by user', CONFIG), 'strong');
    assert.equal(confirmationStrength('  ', CONFIG), 'none');
  });
  it('caps at 100', () => {
    assert.equal(scoreProvenance(chat({ source: 'editor', confirmed_by: 'merged' }), CONFIG).score, 100);
  });
});

describe('quality: impact rules', () => {
  it('scores a substantial completed outcome with unspecified stakes 70', () => {
    const result = scoreImpact(chat(), CONFIG);
    assert.equal(result.score, 50 + 15 + 5);
    assert.ok(hasReason(result.reasons, 'stakes unspecified: +5'));
  });
  it('adds stakes, confirmation, trajectory and feedback signals', () => {
    const context = { environment: 'x', stakes: 'high' as const, previous_spans: ['a'], emotional_state: 'positive' };
    assert.equal(scoreImpact(chat({ context, confirmed_by: 'reviewed' }), CONFIG).score, 100);
    assert.equal(scoreImpact(chat({ context: { stakes: 'low' } }), CONFIG).score, 65);
  });
  it('takes 10 for a thin outcome and scores pending spans low', () => {
    assert.equal(scoreImpact(chat({ if_ok: 'yes' }), CONFIG).score, 45);
    assert.equal(scoreImpact(chat({ status: 'pending', if_ok: undefined }), CONFIG).score, 10);
  });
  it('keeps most of the value of a well-explained failure', () => {
    const failed = chat({ status: 'failed', if_ok: undefined, if_not: 'The stream closed before the last line because the handle was garbage collected early.' });
    assert.equal(scoreImpact(failed, CONFIG).score, 45 + 8 + 5);
  });
});

describe('quality: uniqueness (seed formula)', () => {
  it('is 100 with no neighbours', () => assert.equal(scoreUniqueness([], CONFIG).score, 100));
  it('is 100 − 100 × mean of the top 10 similarities', () => {
    const similarities = [0.9, 0.1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.0];
    assert.equal(scoreUniqueness(similarities, CONFIG).score, 100 - 100 * ((0.9 + 0.5 * 9) / 10));
  });
  it('clamps similarities to 0..1 and the score to 0..100', () => {
    assert.equal(scoreUniqueness([1.2, 1.0000001], CONFIG).score, 0);
    assert.equal(scoreUniqueness([-0.5], CONFIG).score, 100);
    assert.equal(scoreUniqueness([Number.NaN, 0.5], CONFIG).score, 75);
  });
});

describe('quality: coherence rules', () => {
  it('gives an on-topic, untruncated answer 100', () => assert.equal(scoreCoherence(chat()).score, 100));
  it('catches truncation: ellipsis, open fence, mid-sentence stop', () => {
    assert.equal(scoreCoherence(chat({ if_ok: chat().if_ok + ' and then...' })).score, 70);
    assert.ok(hasReason(scoreCoherence(chat({ if_ok: 'Read the file line by line:\n```js\nconst x = 1;\n' })).reasons, 'unbalanced code fence'));
    const midSentence = 'Use readline to read the file line by line. Create an interface over the read stream and then iterate the';
    assert.equal(scoreCoherence(chat({ if_ok: midSentence })).score, 80);
  });
  it('catches code that does not balance and accepts code that does', () => {
    const broken = 'Read the file line by line:\n```js\nfor await (const line of rl {\n  console.log(line);\n}\n```';
    assert.ok(hasReason(scoreCoherence(chat({ if_ok: broken })).reasons, "unclosed '('"));
    const fine = "Read the file line by line:\n```js\nfor await (const line of rl) {\n  console.log('it\\'s', line); // don't\n}\n```";
    assert.equal(scoreCoherence(chat({ if_ok: fine })).score, 100);
  });
  it('checks that an answer addresses its question', () => {
    assert.equal(scoreCoherence(chat({ if_ok: 'The weather today is sunny with a light breeze.' })).score, 60);
    assert.equal(scoreCoherence(chat({ if_ok: 'Read lines.' })).score, 80);
    assert.ok(hasReason(scoreCoherence(chat({ this: 'why?' })).reasons, 'too vague'));
  });
  it('penalises an echo of the question and a missing outcome', () => {
    assert.equal(scoreCoherence(chat({ if_ok: 'How do I read a file line by line in Node?' })).score, 60);
    assert.equal(scoreCoherence(chat({ if_ok: undefined })).score, 70);
  });
  it('wants a diff hunk in a commit outcome', () => {
    const commit = chat({ source: 'git_import', did: 'commit', this: 'src/a.ts: rename helper' });
    assert.equal(scoreCoherence({ ...commit, if_ok: 'renamed the helper function' }).score, 75);
    assert.equal(scoreCoherence({ ...commit, if_ok: '@@ -1,2 +1,2 @@\n-const a = 1;\n+const b = 1;\n' }).score, 100);
  });
});
