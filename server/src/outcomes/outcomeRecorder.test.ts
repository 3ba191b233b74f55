import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixedClock } from '@arenalab/core';
import type { CompletionCandidate, Span } from '@arenalab/core';
import { SpanStore } from '../store';
import { openOutcomeStore } from './openOutcomeStore';
import { ACCEPTED_LINK_WINDOW_MS, OutcomeRecorder } from './outcomeRecorder';
import { suggestionOutcomeSpan, taskResultSpan } from './outcomeSpans';

const candidate = (text: string): CompletionCandidate => ({
  text, confidence: 0.8, method: 'continuation-vote',
  range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
  provenance: [{ file: 'a.ts', line: 4, spanId: 'win_abc', similarity: 1, acceptedBefore: 0 }],
});

describe('OutcomeRecorder', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-outcomes-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function storedSpans(): Promise<Span[]> {
    const reader = await SpanStore.open(dir, { mode: 'read' });
    const spans: Span[] = [];
    for await (const span of reader.spans()) spans.push(span);
    await reader.close();
    return spans;
  }

  it('stores outcomes as redacted, valid suggest_completion spans in one durable batch', async () => {
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    const recorder = new OutcomeRecorder({ clock, log: () => undefined });
    recorder.attach(SpanStore.open(dir, { mode: 'write' }));
    const draft = (outcome: 'shown' | 'accepted' | 'dismissed', text: string) =>
      suggestionOutcomeSpan({ suggestionId: 's1', outcome, file: 'c.ts', language: 'typescript', candidate: candidate(text), whenMs: clock.now() });
    const ids = [recorder.record(draft('shown', 'x();')), recorder.record(draft('accepted', 'const key = "AKIAIOSFODNN7EXAMPLE";'), { accepted: true }), recorder.record(draft('dismissed', 'y();'))];
    await recorder.close();
    const spans = await storedSpans();
    assert.deepEqual(spans.map((s) => s.id), ids);
    assert.deepEqual(spans.map((s) => s.status), ['pending', 'completed', 'failed']);
    const accepted = spans[1];
    assert.equal(accepted.did, 'suggest_completion');
    assert.equal(accepted.who, 'arenalab');
    assert.equal(accepted.this, 'c.ts:5');
    assert.equal(accepted.confirmed_by, 'accepted by user');
    assert.ok(!JSON.stringify(accepted).includes('AKIAIOSFODNN7EXAMPLE'), accepted.if_ok);
    assert.match(accepted.if_ok ?? '', /<redacted:/);
    assert.deepEqual(accepted.context?.previous_spans, ['win_abc']);
    assert.equal(accepted.context?.environment, 'programming/typescript');
    assert.deepEqual([accepted.metadata?.suggestion_id, accepted.metadata?.outcome, accepted.metadata?.method], ['s1', 'accepted', 'continuation-vote']);
  });

  it('links runs to the suggestions accepted within the last ten minutes of the injected clock', async () => {
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    const recorder = new OutcomeRecorder({ clock, log: () => undefined });
    recorder.attach(Promise.resolve(undefined));
    const accept = (text: string) => recorder.record(suggestionOutcomeSpan({ suggestionId: text, outcome: 'accepted', file: 'c.ts', language: 'typescript', candidate: candidate(text), whenMs: clock.now() }), { accepted: true });
    const old = accept('old();');
    clock.advance(ACCEPTED_LINK_WINDOW_MS - 1000);
    const recent = accept('recent();');
    assert.deepEqual(recorder.acceptedWithin(), [old, recent]);
    clock.advance(2000);
    assert.deepEqual(recorder.acceptedWithin(), [recent]);
    const run = taskResultSpan({ name: 'npm test', kind: 'tests', exitCode: 0, durationMs: 10, passed: 3, failed: 1, acceptedSpanIds: recorder.acceptedWithin(), whenMs: clock.now() });
    assert.deepEqual([run.did, run.status, run.context?.previous_spans], ['run_tests', 'failed', [recent]]);
    await recorder.close();
  });

  it('relocates: what was recorded before goes to the old store, which is closed before the new one opens', async () => {
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    const recorder = new OutcomeRecorder({ clock, log: () => undefined });
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-outcomes-moved-'));
    try {
      recorder.attach(SpanStore.open(dir, { mode: 'write' }));
      const draft = (text: string) => suggestionOutcomeSpan({ suggestionId: text, outcome: 'shown', file: 'c.ts', language: 'typescript', candidate: candidate(text), whenMs: clock.now() });
      const before = recorder.record(draft('before();'));
      let openedWhileOldLocked: boolean | undefined;
      const moved = recorder.relocate(async () => {
        // The old store's lock must be gone by now: opening it again for writing succeeds.
        const probe = await SpanStore.open(dir, { mode: 'write' }).then((s) => s.close()).then(() => false, () => true);
        openedWhileOldLocked = probe;
        return SpanStore.open(other, { mode: 'write' });
      });
      const during = recorder.record(draft('during();'));
      await moved;
      const after = recorder.record(draft('after();'));
      await recorder.close();
      assert.equal(openedWhileOldLocked, false);
      // Recorded before the old store's queued appends ran: still the old store's.
      assert.deepEqual((await storedSpans()).map((s) => s.id), [before, during]);
      const reader = await SpanStore.open(other, { mode: 'read' });
      const ids: string[] = [];
      for await (const span of reader.spans()) ids.push(span.id);
      await reader.close();
      assert.deepEqual(ids, [after]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('records while another writer has the same store open, and both writers\' spans are stored', async () => {
    const other = await SpanStore.open(dir, { mode: 'write' });
    const lines: string[] = [];
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    const recorder = new OutcomeRecorder({ clock, log: (line) => lines.push(line) });
    try {
      recorder.attach(openOutcomeStore(dir, (line) => lines.push(line)));
      const draft = suggestionOutcomeSpan({ suggestionId: 's', outcome: 'accepted', file: 'c.ts', language: 'typescript', candidate: candidate('mine();'), whenMs: clock.now() });
      const mine = recorder.record(draft, { accepted: true });
      await other.append([{ ...draft, id: 'from-the-other-writer', this: 'c.ts:9' }]);
      await recorder.close();
      assert.match(lines.join('\n'), /recording suggestion outcomes in /);
      assert.doesNotMatch(lines.join('\n'), /not recorded|failed/);
      assert.deepEqual((await storedSpans()).map((s) => s.id).sort(), [mine, 'from-the-other-writer'].sort());
    } finally {
      await other.close();
    }
  });
});
