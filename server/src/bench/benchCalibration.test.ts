import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seededRandom, silentProgress, spanContentHash } from '@arenalab/core';
import type { CompletionCandidate, Span } from '@arenalab/core';
import { suggestionOutcomeSpan } from '../outcomes';
import { SpanStore } from '../store';
import { benchCalibration } from './benchCalibration';

const never = { isCancelled: false };
const progress = { phase: () => silentProgress };

function candidate(confidence: number): CompletionCandidate {
  return { text: 'return total;', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, confidence, method: 'continuation-vote', provenance: [{ file: 'a.ts', line: 2, spanId: 'win_a', similarity: 1, acceptedBefore: 0 }] };
}

/** Outcomes as the language server stores them, from an over-confident scorer: right with probability confidence². */
function loggedOutcomes(count: number): Span[] {
  const random = seededRandom(5);
  return Array.from({ length: count }, (_, i) => {
    const confidence = Math.round(random.next() * 1000) / 1000;
    const outcome = random.next() < confidence * confidence ? 'accepted' : 'dismissed';
    const span = suggestionOutcomeSpan({ suggestionId: `s${i}`, outcome, file: 'a.ts', language: 'typescript', candidate: candidate(confidence), whenMs: Date.UTC(2026, 0, 1) + i * 1000 });
    return { ...span, id: spanContentHash(span).slice(0, 32) } as Span;
  });
}

describe('benchCalibration', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-calibrate-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const options = { perFile: 5, seed: 1, method: 'isotonic' as const, bins: 10, folds: 5, targetPrecision: 0.8 };

  it("fits on the store's logged outcomes: ECE falls and the threshold reaches the target precision", async () => {
    const store = await SpanStore.open(dir, { mode: 'write' });
    await store.append(loggedOutcomes(1500));
    await store.close();
    const result = await benchCalibration({ ...options, store: dir }, never, progress);
    assert.equal(result.benchmark_cases, null);
    assert.equal(result.self_calibration, null);
    const logged = result.store!;
    assert.equal(logged.points, 1500);
    assert.ok(logged.ece_before > 0.1 && logged.ece_after < logged.ece_before / 2, JSON.stringify(logged));
    assert.ok(logged.threshold !== null && logged.threshold.precision >= 0.8 && logged.threshold.threshold > 0.6, JSON.stringify(logged.threshold));
    assert.equal(logged.calibrator?.method, 'isotonic');
  });

  it('reports no store data for a folder without a log rather than failing', async () => {
    const result = await benchCalibration({ ...options, store: path.join(dir, 'missing') }, never, progress);
    assert.equal(result.store, null);
  });
});
