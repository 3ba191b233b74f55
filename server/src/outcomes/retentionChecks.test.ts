import { strict as assert } from 'node:assert';
import { fixedClock } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutcomeRecorder } from './outcomeRecorder';
import { RETENTION_CHECK_DELAYS_MS, RETENTION_THRESHOLD, RetentionChecker, retentionSimilarity } from './retentionChecks';
import type { MissingDocument, RetentionTimer } from './retentionChecks';

/** A timer that only moves when advanced, moving the fake clock with it. */
function fakeTimer(clock: { now(): number; advance(ms: number): void }): RetentionTimer & { advance(ms: number): void; size: number } {
  let jobs: { at: number; run(): void }[] = [];
  return {
    schedule(delayMs, run) {
      const job = { at: clock.now() + delayMs, run };
      jobs.push(job);
      return () => (jobs = jobs.filter((j) => j !== job));
    },
    advance(ms) {
      const until = clock.now() + ms;
      for (;;) {
        const due = jobs.filter((j) => j.at <= until).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        jobs = jobs.filter((j) => j !== due);
        clock.advance(due.at - clock.now());
        due.run();
      }
      clock.advance(until - clock.now());
    },
    get size() {
      return jobs.length;
    },
  };
}

const INSERTED = 'return respond(user, request.body);';
const before = 'export function handle(request: Request): Response {\n  const user = authenticate(request);\n  ';
const after = '\n}\n';

describe('RetentionChecker', () => {
  function setup(initial: string) {
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    const timer = fakeTimer(clock);
    const spans: Omit<Span, 'id'>[] = [];
    const doc: { current: TextDocument | MissingDocument } = { current: TextDocument.create('file:///w/a.ts', 'typescript', 1, initial) };
    const checker = new RetentionChecker({
      clock, timer, log: () => undefined,
      read: () => doc.current,
      record: (draft) => (spans.push(draft), `chk_${spans.length}`),
    });
    checker.watch({ spanId: 'span_accepted', suggestionId: 's1', uri: 'file:///w/a.ts', file: 'a.ts', text: INSERTED, position: { line: 2, character: 2 } });
    const edit = (text: string) => (doc.current = TextDocument.create('file:///w/a.ts', 'typescript', 2, text));
    return { clock, timer, spans, doc, checker, edit };
  }

  it('checks retained text at 30 s, 2 min and 10 min as completed check_retention spans linked to the accepted span', () => {
    const { timer, spans } = setup(before + INSERTED + after);
    timer.advance(29_999);
    assert.equal(spans.length, 0);
    timer.advance(1);
    assert.equal(spans.length, 1);
    timer.advance(10 * 60_000);
    assert.deepEqual(spans.map((s) => s.metadata?.after_ms), RETENTION_CHECK_DELAYS_MS);
    // The spans are valid for the store: the real recorder accepts each and gives it an id.
    const recorder = new OutcomeRecorder({ clock: fixedClock(0), log: (line) => assert.fail(line) });
    recorder.attach(Promise.resolve(undefined));
    for (const span of spans) {
      assert.match(recorder.record(span) ?? '', /./);
      assert.equal(span.did, 'check_retention');
      assert.equal(span.this, 'a.ts:3');
      assert.equal(span.status, 'completed');
      assert.deepEqual(span.context?.previous_spans, ['span_accepted']);
      assert.equal(span.metadata?.similarity, 1);
      assert.equal(span.metadata?.suggestion_id, 's1');
    }
  });

  it('still finds the text when lines were added above it', () => {
    const { timer, spans, edit } = setup(before + INSERTED + after);
    edit('// header\n// more\n' + before + INSERTED + after);
    timer.advance(30_000);
    assert.deepEqual(spans.map((s) => [s.status, s.metadata?.similarity]), [['completed', 1]]);
  });

  it('fails the check when the text was edited away', () => {
    const { timer, spans, edit } = setup(before + INSERTED + after);
    timer.advance(30_000);
    edit(before + 'throw new Error("not implemented");' + after);
    timer.advance(90_000);
    assert.deepEqual(spans.map((s) => s.status), ['completed', 'failed']);
    assert.ok((spans[1].metadata?.similarity as number) < RETENTION_THRESHOLD);
    assert.equal(spans[1].metadata?.reason, 'edited');
  });

  it('decides partially edited text by the threshold', () => {
    // A few characters changed: still clearly the suggestion.
    assert.ok(retentionSimilarity(before + 'return respond(user, request.query);' + after, INSERTED, before.length) >= RETENTION_THRESHOLD);
    // About half replaced: just below or above 0.5 decides.
    const half = Math.floor(INSERTED.length / 2);
    const keptHalfPlus = INSERTED.slice(0, half + 3) + 'x'.repeat(INSERTED.length - half - 3);
    const keptHalfMinus = INSERTED.slice(0, half - 3) + 'x'.repeat(INSERTED.length - half + 3);
    const similar = (text: string) => retentionSimilarity(before + text + after, INSERTED, before.length);
    assert.ok(similar(keptHalfPlus) >= RETENTION_THRESHOLD, String(similar(keptHalfPlus)));
    assert.ok(similar(keptHalfMinus) < RETENTION_THRESHOLD, String(similar(keptHalfMinus)));
    const { timer, spans, edit } = setup(before + INSERTED + after);
    edit(before + keptHalfPlus + after);
    timer.advance(30_000);
    edit(before + keptHalfMinus + after);
    timer.advance(90_000);
    assert.deepEqual(spans.map((s) => s.status), ['completed', 'failed']);
  });

  it('counts a closed document or a vanished file as not retained', () => {
    const { timer, spans, doc } = setup(before + INSERTED + after);
    doc.current = 'closed';
    timer.advance(30_000);
    doc.current = 'vanished';
    timer.advance(90_000);
    assert.deepEqual(spans.map((s) => [s.status, s.metadata?.reason, s.metadata?.similarity]), [['failed', 'closed', 0], ['failed', 'vanished', 0]]);
  });

  it('cancels every pending check on dispose (shutdown) and schedules no more', () => {
    const { timer, spans, checker } = setup(before + INSERTED + after);
    timer.advance(30_000);
    assert.equal(checker.pendingChecks, 2);
    checker.dispose();
    assert.equal(checker.pendingChecks, 0);
    assert.equal(timer.size, 0);
    checker.watch({ spanId: 'x', suggestionId: 's2', uri: 'file:///w/a.ts', file: 'a.ts', text: INSERTED, position: { line: 2, character: 2 } });
    timer.advance(60 * 60_000);
    assert.equal(spans.length, 1);
  });
});
