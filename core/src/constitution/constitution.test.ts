import { strict as assert } from 'node:assert';
import { ConfigError } from '../util';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { fixedClock } from '../ports/clock';
import { AntiPatternMemory } from './antiPatternMemory';
import { antiPatternRecords } from './antiPatternRecords';
import { checkCompletion } from './checkCompletion';
import { resolveConstitutionConfig } from './constitutionConfig';
import { ConstitutionalReviewer, principleApplies } from './constitutionalReviewer';
import { correctAnswer } from './correctOutput';
import { DEFAULT_CONSTITUTION } from './defaultConstitution';
import { harmCategories } from './harmPatterns';
import type { Constitution, ReviewedOutput } from './principle';
import { markersIn } from './textMarkers';

const clock = fixedClock(Date.UTC(2026, 0, 1));
const chat = (text: string, confidence: number, extra: Partial<ReviewedOutput> = {}): ReviewedOutput => ({ kind: 'chat', text, confidence, ...extra });
const ids = (list: { principleId: string }[]) => list.map((v) => v.principleId);
// A fake AWS access key id of the documented shape; the redactor's detector recognises it.
const AWS_KEY = 'AKIA' + 'QWERTYUIOPASDFGH';

describe('constitution: principles as data', () => {
  it('ships the seed’s five principles with their priority and enforcement, plus the two code principles', () => {
    const table = DEFAULT_CONSTITUTION.principles.map((p) => [p.id, p.priority, p.enforcement]);
    assert.deepEqual(table, [
      ['honesty', 10, 'hard'],
      ['helpfulness', 9, 'soft'],
      ['harmlessness', 10, 'hard'],
      ['empathy', 7, 'soft'],
      ['humility', 8, 'soft'],
      ['no_secrets', 10, 'hard'],
      ['no_excluded_content', 10, 'hard'],
    ]);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(DEFAULT_CONSTITUTION)));
  });

  it('applies a principle only to its output kinds and domains (a domain covers its sub-paths)', () => {
    const principle = { ...DEFAULT_CONSTITUTION.principles[0], appliesTo: ['programming'], outputs: ['chat' as const] };
    assert.equal(principleApplies(principle, chat('x', 1, { domain: 'programming/typescript' })), true);
    assert.equal(principleApplies(principle, chat('x', 1, { domain: 'programmingish' })), false);
    assert.equal(principleApplies(principle, chat('x', 1)), false);
    assert.equal(principleApplies(principle, { kind: 'completion', text: 'x', confidence: 1, domain: 'programming' }), false);
  });

  it('rejects config values out of range with a typed error', () => {
    assert.throws(() => resolveConstitutionConfig({ honestyConfidence: 2 }), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_CONSTITUTION_CONFIG');
    assert.throws(() => resolveConstitutionConfig({ minHelpfulWords: -1 }), /minHelpfulWords/);
  });
});

describe('constitution: checks', () => {
  const reviewer = new ConstitutionalReviewer({ clock });

  it('honesty: low confidence stated without hedging is a hard violation; hedged or confident answers pass', async () => {
    const blunt = await reviewer.review(chat('Use git rebase to combine the branches.', 0.3));
    assert.equal(blunt.approved, false);
    assert.deepEqual(ids(blunt.violations), ['honesty']);
    assert.equal(blunt.violations[0].contentBased, false);
    assert.equal((await reviewer.review(chat("I'm not sure, but git rebase probably works.", 0.3))).approved, true);
    assert.equal((await reviewer.review(chat('Use git rebase to combine the branches.', 0.8))).approved, true);
  });

  it('honesty: an unsourced claim is a content-based violation even when confident', async () => {
    const review = await reviewer.review(chat('Research shows that tabs make code 40% faster.', 0.95));
    assert.deepEqual(ids(review.violations), ['honesty']);
    assert.equal(review.violations[0].contentBased, true);
  });

  it('harmlessness: harm in the answer or in the request is rejected; programming vocabulary is not harm', async () => {
    assert.deepEqual(harmCategories('Here are instructions for making a bomb at home.'), ['violence']);
    assert.deepEqual(harmCategories('how do I hack into my neighbour’s wifi? how to hack into someone account'), ['illegal']);
    assert.deepEqual(harmCategories('How to kill a process on Linux? Kill the child process, bypass the cache, hack on the parser.'), []);
    const request = await reviewer.review(chat('Here is how, step by step.', 0.9, { request: 'how to kill my neighbour without getting caught' }));
    assert.deepEqual(ids(request.violations), ['harmlessness']);
    assert.match(request.violations[0].reason, /request asks for harmful content \(violence\)/);
  });

  it('no_secrets: an answer or completion carrying a key is rejected, naming the kind', async () => {
    const review = await reviewer.review(chat(`Set the key: aws_access_key_id = ${AWS_KEY} and go.`, 0.9));
    assert.deepEqual(ids(review.violations), ['no_secrets']);
    assert.deepEqual(review.violations[0].evidence, ['aws_access_key']);
    const completion = await checkCompletion(reviewer, { text: `const id = "${AWS_KEY}";`, confidence: 0.9 });
    assert.equal(completion.allowed, false);
  });

  it('no_secrets: a completion with an Azure key, a mysql -p password or a key id split by a zero-width space is withheld', async () => {
    const cases = [
      [`"AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"`, 'azure_key'],
      ['mysql -u root -pWq7!zMysqlPass app', 'password'],
      [`const id = "${AWS_KEY.slice(0, 6)}\u200b${AWS_KEY.slice(6)}";`, 'aws_access_key'],
    ] as const;
    for (const [text, kind] of cases) {
      const completion = await checkCompletion(reviewer, { text, confidence: 0.9 });
      assert.equal(completion.allowed, false, text);
      assert.deepEqual(completion.review.violations[0].evidence, [kind], text);
    }
  });

  it('no_excluded_content: provenance from an excluded file blocks a completion; the honesty check does not apply to code', async () => {
    const excluding = new ConstitutionalReviewer({ clock, config: { isExcludedFile: (file) => file.startsWith('secret/') } });
    const blocked = await checkCompletion(excluding, { text: 'return total;', confidence: 0.1, sourceFiles: ['src/a.ts', 'secret/b.ts'] });
    assert.equal(blocked.allowed, false);
    assert.deepEqual(ids(blocked.review.violations), ['no_excluded_content']);
    assert.deepEqual(blocked.review.violations[0].evidence, ['secret/b.ts']);
    const fine = await checkCompletion(excluding, { text: 'return total;', confidence: 0.1, sourceFiles: ['src/a.ts'] });
    assert.deepEqual(fine, { allowed: true, review: { approved: true, violations: [], warnings: [] } });
  });

  it('soft principles warn without rejecting: helpfulness, humility, empathy', async () => {
    const review = await reviewer.review(chat('Definitely.', 0.95, { request: 'I am so frustrated, my build fails again' }));
    assert.equal(review.approved, true);
    assert.deepEqual(ids(review.warnings), ['helpfulness', 'empathy']);
    const overclaim = await reviewer.review(chat('This is guaranteed to fix the flaky test.', 0.6));
    assert.deepEqual(ids(overclaim.warnings), ['humility']);
    const kind = await reviewer.review(chat('That sounds frustrating. Delete node_modules and run npm ci.', 0.95, { request: 'I am so frustrated' }));
    assert.deepEqual(review.violations, []);
    assert.deepEqual(kind.warnings, []);
  });

  it('a constitution that makes a soft principle hard enforces it', async () => {
    const strict: Constitution = { ...DEFAULT_CONSTITUTION, principles: DEFAULT_CONSTITUTION.principles.map((p) => (p.id === 'humility' ? { ...p, enforcement: 'hard' } : p)) };
    const review = await new ConstitutionalReviewer({ clock, constitution: strict }).review(chat('This is guaranteed to fix the flaky test.', 0.6));
    assert.deepEqual(ids(review.violations), ['humility']);
  });

  it('matches markers as whole words only', () => {
    assert.deepEqual(markersIn('The mayor could not come', ['may', 'could']), ['could']);
    assert.deepEqual(markersIn('I’m not sure', ["i'm not sure"]), ["i'm not sure"]);
  });
});

describe('constitution: corrections and anti-patterns', () => {
  it('hedges an unhedged low-confidence answer and refuses a harmful one', async () => {
    const reviewer = new ConstitutionalReviewer({ clock });
    const lowReview = await reviewer.review(chat('Use git rebase.', 0.3));
    const hedged = correctAnswer('Use git rebase.', 0.3, lowReview)!;
    assert.equal(hedged.correction, 'hedged');
    assert.equal(hedged.text, "I'm not sure (confidence 30%), but the closest answers I have say:\nUse git rebase.");
    assert.equal((await reviewer.review(chat(hedged.text, 0.3))).approved, true, 'the hedged text passes the same review');
    const harmful = await reviewer.review(chat('Instructions for building a bomb: …', 0.9));
    assert.equal(correctAnswer('x', 0.9, harmful)!.correction, 'refused');
    assert.equal(correctAnswer('x', 0.9, { approved: true, violations: [], warnings: [] }), undefined);
  });

  it('refuses an unsure answer that also holds a secret instead of hedging it: the secret outranks the missing hedge', async () => {
    const reviewer = new ConstitutionalReviewer({ clock });
    const text = 'Set aws_access_key_id = AKIAQ3EGRT5MXJ7KZP2W in the config.';
    const review = await reviewer.review(chat(text, 0.3));
    assert.deepEqual(ids(review.violations).sort(), ['honesty', 'no_secrets']);
    const corrected = correctAnswer(text, 0.3, review)!;
    assert.equal(corrected.correction, 'refused');
    assert.equal(corrected.violation.check, 'no_secrets');
    assert.doesNotMatch(corrected.text, /AKIA/);
  });

  it('remembers content-based hard violations and blocks near-identical outputs (cosine ≥ 0.85), not unrelated ones', async () => {
    const embedder = new HashingEmbedder();
    const memory = await AntiPatternMemory.create(embedder);
    const reviewer = new ConstitutionalReviewer({ clock, antiPatterns: memory });
    const bad = chat('Research shows that tabs make code 40% faster, so always indent with tabs in every project.', 0.9);
    const review = await reviewer.review(bad);
    assert.deepEqual(ids(review.violations), ['honesty']);
    assert.equal(await reviewer.learn(bad, review), 1);
    assert.equal(await reviewer.learn(bad, review), 0, 'the same output is remembered once');
    assert.deepEqual(memory.list(), [{ principleId: 'honesty', kind: 'chat', text: bad.text, reason: review.violations[0].reason, recordedAt: Date.UTC(2026, 0, 1) }]);

    // "Studies show" escapes the unsourced-claim patterns, but the output is the one rejected before (cosine 0.86).
    const similar = await reviewer.review(chat('Studies show that tabs make code 40% faster, so always indent with tabs in every project.', 0.9));
    assert.deepEqual(ids(similar.violations), ['honesty']);
    assert.ok(similar.violations[0].antiPatternSimilarity! >= 0.85);
    assert.equal(correctAnswer('x', 0.9, similar)!.correction, 'refused', 'a remembered violation is refused, not hedged');
    assert.equal((await reviewer.review(chat('Indent with tabs in every project.', 0.9))).approved, true, 'cosine 0.67 is not blocked');

    // Honesty violations about hedging depend on confidence, not content: they are never remembered.
    const low = chat('Use git rebase.', 0.2);
    assert.equal(await reviewer.learn(low, await reviewer.review(low)), 0);

    const reloaded = await AntiPatternMemory.create(embedder, memory.list());
    assert.equal(reloaded.size, 1);
    assert.ok((await reloaded.nearest(bad.text, 'chat', 0.85))!.similarity > 0.99);
    assert.equal(await reloaded.nearest(bad.text, 'completion', 0.85), undefined, 'kinds do not mix');
  });

  it('reads anti-pattern records back, reporting and skipping bad ones', () => {
    const good = { principleId: 'honesty', kind: 'chat', text: 'x', reason: 'y', recordedAt: 1 };
    assert.deepEqual(antiPatternRecords([good, { ...good, kind: 'email' }, { ...good, text: '' }, 'z']), {
      records: [good],
      problems: ['record 2: kind must be chat or completion, got "email"', 'record 3: text must be a non-empty string', 'record 4: not an object'],
    });
    assert.deepEqual(antiPatternRecords({}), { records: [], problems: ['expected a JSON array of anti-pattern records'] });
  });
});
