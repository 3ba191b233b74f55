import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { normalizeForDetection } from './normalizeForDetection';
import { redactSecrets } from './redactSecrets';
import { replaceRanges, restoreOriginal } from './trackedText';

const KEY = 'AKIAQX7RPLK2MZ4TNW3E';
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const fullWidth = (text: string) => [...text].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');

describe('secrets: normalizeForDetection', () => {
  it('returns ASCII and already-normal text untracked', () => {
    assert.deepEqual(normalizeForDetection('plain ascii'), { text: 'plain ascii' });
    assert.deepEqual(normalizeForDetection('déjà vu – 日本語'), { text: 'déjà vu – 日本語' });
  });

  it('drops ignorable characters, folds compatibility forms and maps each unit back to its character', () => {
    const tracked = normalizeForDetection('a\u200bＢﬁ');
    assert.equal(tracked.text, 'aBfi');
    assert.deepEqual([...tracked.origin!.start], [0, 2, 3, 3]);
    assert.deepEqual([...tracked.origin!.end], [1, 3, 4, 4]);
  });

  it('restores the original exactly when nothing is replaced, and replaces whole original spans otherwise', () => {
    const original = 'x\u200bＡＢ\u200bＣy';
    const tracked = normalizeForDetection(original);
    assert.equal(restoreOriginal(tracked, original), original);
    const replaced = replaceRanges(tracked, [[1, 4]], '<M>');
    assert.equal(replaced.text, 'x<M>y');
    assert.equal(restoreOriginal(replaced, original), 'x\u200b<M>y', 'the ignorable before the secret is kept');
  });

  it('finds a key split by any invisible character, or written in full-width, and stores none of it', () => {
    for (const mark of INVISIBLE) {
      const text = `id ${KEY.slice(0, 4)}${mark}${KEY.slice(4, 12)}${mark}${KEY.slice(12)} end`;
      assert.equal(redactSecrets(text).text, 'id <redacted:aws_access_key> end', JSON.stringify(text));
    }
    assert.equal(redactSecrets(`id ${fullWidth(KEY)} end`).text, 'id <redacted:aws_access_key> end');
  });

  it('never leaves a planted key or any 6-character piece of it, wherever invisible characters are inserted', () => {
    const pieces = Array.from({ length: KEY.length - 5 }, (_, i) => KEY.slice(i, i + 6));
    const invisible = fc.constantFrom(...INVISIBLE);
    const input = fc.record({
      before: fc.string({ maxLength: 20 }),
      after: fc.string({ maxLength: 20 }),
      inserts: fc.array(fc.tuple(fc.nat(KEY.length), invisible), { maxLength: 6 }),
      wide: fc.boolean(),
    });
    fc.assert(
      fc.property(input, ({ before, after, inserts, wide }) => {
        const chars = [...(wide ? fullWidth(KEY) : KEY)];
        for (const [at, mark] of [...inserts].sort((a, b) => b[0] - a[0])) chars.splice(at, 0, mark);
        const text = `${before} ${chars.join('')} ${after}`;
        const out = redactSecrets(text).text;
        const visible = out.replace(/\p{Default_Ignorable_Code_Point}/gu, '').normalize('NFKC');
        for (const piece of pieces) assert.ok(!visible.includes(piece), `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
