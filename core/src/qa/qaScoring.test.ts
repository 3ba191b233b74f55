import { strict as assert } from 'node:assert';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { fixedClock } from '../ports/clock';
import { silentProgress } from '../ports/progress';
import { seededRandom } from '../ports/random';
import type { ChatAnswer } from '../chat/chatTypes';
import { expectedCalibrationError } from './calibration';
import type { McItem } from './qaItem';
import { compareWithBaselines, qaTier } from './qaTier';
import { runMcBenchmark, wilsonInterval } from './runMcBenchmark';
import { scoreChoices } from './scoreChoices';

const clock = fixedClock(Date.UTC(2026, 0, 1));
const item = (id: string, question: string, choices: string[], correct: number): McItem => ({ id, subject: 'astronomy', question, choices, correct: [correct], memoryAnswer: choices[correct] });

describe('qa: scoring', () => {
  it('computes the standard 10-bin ECE', () => {
    assert.equal(expectedCalibrationError([]), 0);
    // Bin 0.9: confidence 0.95 twice, one right → |0.5 − 0.95| = 0.45 over all points.
    assert.ok(Math.abs(expectedCalibrationError([{ confidence: 0.95, correct: true }, { confidence: 0.95, correct: false }]) - 0.45) < 1e-12);
    // Two bins, each calibrated: 1 of 4 right at confidence 0.25, 3 of 4 right at 0.75.
    const calibrated = [0, 1, 2, 3].flatMap((i) => [{ confidence: 0.25, correct: i === 0 }, { confidence: 0.75, correct: i !== 0 }]);
    assert.ok(expectedCalibrationError(calibrated) < 1e-12);
    assert.ok(Math.abs(expectedCalibrationError([{ confidence: 1, correct: false }]) - 1) < 1e-12, 'confidence 1 falls in the last bin');
  });

  it('gives the seed’s tier and baseline verdicts', () => {
    assert.equal(qaTier(90, 90), 'diamond');
    assert.equal(qaTier(85, 86), 'gold');
    assert.equal(qaTier(72, 78), 'silver');
    assert.equal(qaTier(65, 70), 'bronze');
    assert.equal(qaTier(95, 69), 'training');
    const verdicts = compareWithBaselines(60, 75).map((b) => b.verdict);
    assert.deepEqual(verdicts, ['✅ Competitive with gpt-3.5', '❌ Below claude-2', '❌ Below gpt-4', '❌ Below claude-3-opus']);
  });

  it('computes the Wilson interval', () => {
    assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
    const [lo, hi] = wilsonInterval(50, 100);
    assert.ok(Math.abs(lo - 0.4038) < 1e-3 && Math.abs(hi - 0.5962) < 1e-3);
  });

  it('maps answer groups to their closest choice; an empty or unrelated answer is a uniform guess that claims 1/k', async () => {
    const embedder = new HashingEmbedder();
    const choices = ['About 8 seconds', 'About 8 minutes', 'About 8 hours', 'About 8 days'];
    const answer = { confidence: 0.6, groups: [{ answer: 'About 8 minutes', share: 1, spanIds: ['x'], exampleQuestion: 'q', sharedTerms: [] }] } as unknown as ChatAnswer;
    const scored = await scoreChoices(answer, choices, embedder, seededRandom(1));
    assert.equal(scored.chosen, 1);
    assert.ok(Math.abs(scored.confidence - (0.6 + 0.4 / 4)) < 1e-9, 'the group votes for the identical choice: p = c + (1 − c) / k');
    const unrelated = { confidence: 0.9, groups: [{ answer: 'Jupiter', share: 1, spanIds: ['x'], exampleQuestion: 'q', sharedTerms: [] }] } as unknown as ChatAnswer;
    assert.deepEqual((await scoreChoices(unrelated, choices, embedder, seededRandom(1))).probabilities, [0.25, 0.25, 0.25, 0.25], 'an answer close to no choice is no evidence');
    assert.ok(Math.abs(scored.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    const nothing = await scoreChoices({ confidence: 0, groups: [] } as unknown as ChatAnswer, choices, embedder, seededRandom(1));
    assert.deepEqual(nothing.probabilities, [0.25, 0.25, 0.25, 0.25]);
    assert.equal(nothing.confidence, 0.25);
    const picks = new Set<number>();
    const random = seededRandom(7);
    for (let i = 0; i < 20; i++) picks.add((await scoreChoices({ confidence: 0, groups: [] } as unknown as ChatAnswer, choices, embedder, random)).chosen);
    assert.ok(picks.size > 1, 'ties are broken at random, not always by position');
  });

  it('answers test questions from the memory: paraphrases are found, unseen ones are guesses below the threshold', async () => {
    const memory = [
      item('m1', 'Which planet has the largest mass in the Solar System?', ['Saturn', 'Earth', 'Jupiter', 'Neptune'], 2),
      item('m2', 'How long does light from the Sun take to reach the Earth?', ['About 8 seconds', 'About 8 minutes', 'About 8 hours', 'About 8 days'], 1),
    ];
    const test = [
      item('t1', 'Which planet in the Solar System has the largest mass?', ['Jupiter', 'Saturn', 'Uranus', 'Earth'], 0),
      item('t2', 'What is a light-year a unit of?', ['Time', 'Distance', 'Brightness', 'Mass'], 1),
    ];
    const result = await runMcBenchmark(memory, test, { threshold: 0.3, seed: 1, clock }, { isCancelled: false }, silentProgress);
    assert.equal(result.memory, 2);
    assert.equal(result.test, 2);
    assert.equal(result.chance, 0.25);
    assert.equal(result.coverage, 0.5, 'only the paraphrase is answered');
    assert.equal(result.answered_accuracy, 1);
    assert.equal(result.methods.majority, 1);
    assert.equal(result.methods.no_match, 1);
    assert.deepEqual(Object.keys(result.per_subject), ['astronomy']);
    assert.deepEqual(await runMcBenchmark(memory, test, { threshold: 0.3, seed: 1, clock }, { isCancelled: false }, silentProgress), result, 'deterministic');
  });
});
