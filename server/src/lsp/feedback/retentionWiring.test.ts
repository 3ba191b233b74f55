import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RetentionTimer } from '../../outcomes';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { createLspContext } from '../lspContext';
import { onFeedback } from './onFeedback';

// arenalab/feedback → retention checks, through the LSP context with a fake timer: nothing waits for real time.
describe('LSP retention checks after an accepted suggestion', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-retention-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('schedules three checks for a full acceptance, none for a dismissal, stores them linked to the accepted span, and clears them on dispose', () => {
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    const jobs: { at: number; run(): void }[] = [];
    const timer: RetentionTimer = {
      schedule(delayMs, run) {
        const job = { at: clock.now() + delayMs, run };
        jobs.push(job);
        return () => { const i = jobs.indexOf(job); if (i >= 0) jobs.splice(i, 1); };
      },
    };
    const quiet = { info: () => undefined, error: () => undefined, warn: () => undefined, log: () => undefined };
    const ctx = createLspContext({ console: quiet } as unknown as Connection, DEFAULT_LSP_SETTINGS, clock, timer);
    const file = path.join(dir, 'a.ts');
    const text = 'const user = authenticate(request);\nreturn respond(user, request.body);\n';
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const document = TextDocument.create(uri, 'typescript', 2, text);
    ctx.documents = { get: (u: string) => (u === uri ? document : undefined) } as unknown as typeof ctx.documents;
    const spans: Omit<Span, 'id'>[] = [];
    const record = ctx.outcomes.record.bind(ctx.outcomes);
    ctx.outcomes.record = (draft, options) => (spans.push(draft), record(draft, options));
    const candidate = {
      text: 'return respond(user, request.body);', confidence: 0.9, method: 'continuation-vote',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, provenance: [],
    };
    const place = { file: 'a.ts', language: 'typescript', version: 1 };

    onFeedback(ctx, { suggestionId: ctx.suggestions.remember(uri, candidate, place).id, outcome: 'dismissed' });
    assert.equal(jobs.length, 0);
    onFeedback(ctx, { suggestionId: ctx.suggestions.remember(uri, candidate, place).id, outcome: 'accepted' });
    assert.deepEqual(jobs.map((j) => j.at - clock.now()), [30_000, 120_000, 600_000]);

    jobs.shift()!.run();
    fs.rmSync(file);
    jobs.shift()!.run();
    const checks = spans.filter((s) => s.did === 'check_retention');
    const acceptedSpanId = record(spans.find((s) => s.metadata?.outcome === 'accepted')!);
    assert.deepEqual(checks.map((s) => [s.status, s.this, s.metadata?.reason, s.context?.previous_spans]), [
      ['completed', 'a.ts:2', 'retained', [acceptedSpanId]],
      ['failed', 'a.ts:2', 'vanished', [acceptedSpanId]],
    ]);
    assert.equal(ctx.retention.pendingChecks, 1);
    ctx.retention.dispose();
    assert.equal(jobs.length, 0);
    ctx.sync.dispose();
  });

  /** An accepted suggestion in an open document, its three checks queued on a fake timer; the spans recorded. */
  function acceptedInDocument(text: string) {
    const clock = fixedClock(Date.UTC(2024, 5, 1));
    // Each job, run in order, first moves the clock to its time (checks at different times are different spans).
    const jobs: (() => void)[] = [];
    let elapsed = 0;
    const timer: RetentionTimer = { schedule: (delayMs, run) => (jobs.push(() => { clock.advance(delayMs - elapsed); elapsed = delayMs; run(); }), () => undefined) };
    const quiet = { info: () => undefined, error: () => undefined, warn: () => undefined, log: () => undefined };
    const ctx = createLspContext({ console: quiet } as unknown as Connection, DEFAULT_LSP_SETTINGS, clock, timer);
    fs.writeFileSync(path.join(dir, 'a.ts'), text); // a check also asks whether the file is still on disk
    const uri = pathToFileURL(path.join(dir, 'a.ts')).href;
    let document = TextDocument.create(uri, 'typescript', 2, text);
    ctx.documents = { get: (u: string) => (u === uri ? document : undefined) } as unknown as typeof ctx.documents;
    const spans: Span[] = [];
    const record = ctx.outcomes.record.bind(ctx.outcomes);
    ctx.outcomes.record = (draft, options) => {
      const id = record(draft, options);
      if (id !== undefined) spans.push({ ...draft, id } as Span);
      return id;
    };
    const candidate = {
      text: 'return respond(user, request.body);', confidence: 0.9, method: 'continuation-vote',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      provenance: [{ file: 'b.ts', line: 1, spanId: 'win_b', similarity: 1, acceptedBefore: 0 }],
    };
    onFeedback(ctx, { suggestionId: ctx.suggestions.remember(uri, candidate, { file: 'a.ts', language: 'typescript', version: 1 }).id, outcome: 'accepted' });
    const edit = (next: string) => (document = TextDocument.create(uri, 'typescript', 3, next));
    return { ctx, jobs, spans, edit };
  }

  it('stores the diamond candidate of a suggestion retained at its last check, derived from it and its checks', () => {
    const { ctx, jobs, spans } = acceptedInDocument('const user = authenticate(request);\nreturn respond(user, request.body);\n');
    assert.equal(jobs.length, 3);
    jobs[0]();
    jobs[1]();
    assert.equal(spans.filter((s) => s.did !== 'suggest_completion' && s.did !== 'check_retention').length, 0, 'nothing before the last check');
    jobs[2]();
    const accepted = spans.find((s) => s.did === 'suggest_completion')!;
    const checks = spans.filter((s) => s.did === 'check_retention').map((s) => s.id);
    const learned = spans.filter((s) => s.did !== 'suggest_completion' && s.did !== 'check_retention');
    assert.equal(learned.length, 1, JSON.stringify(spans.map((s) => s.did)));
    assert.deepEqual(learned[0].metadata?.derived_from, [accepted.id, ...checks]);
    assert.deepEqual([learned[0].source, learned[0].did, learned[0].if_ok, learned[0].confirmed_by], ['user_feedback', 'write_code', 'return respond(user, request.body);', 'accepted and retained after 600000 ms']);
    ctx.retention.dispose();
    ctx.sync.dispose();
  });

  it('stores the synthetic span of a cluster of similar accepted suggestions once one of them is retained at its last check', () => {
    const text = 'const user = authenticate(request);\nreturn respond(user, request.body);\nreturn respond(user, request.params);\n';
    const { ctx, jobs, spans } = acceptedInDocument(text);
    const second = {
      text: 'return respond(user, request.params);', confidence: 0.8, method: 'continuation-vote',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      provenance: [{ file: 'c.ts', line: 4, spanId: 'win_c', similarity: 1, acceptedBefore: 0 }],
    };
    const uri = pathToFileURL(path.join(dir, 'a.ts')).href;
    onFeedback(ctx, { suggestionId: ctx.suggestions.remember(uri, second, { file: 'a.ts', language: 'typescript', version: 1 }).id, outcome: 'accepted' });
    assert.equal(jobs.length, 6);
    // Checks of both suggestions in time order (30 s, 2 min, 10 min each).
    for (const i of [0, 3, 1, 4, 2, 5]) jobs[i]();
    const accepted = spans.filter((s) => s.did === 'suggest_completion').map((s) => s.id);
    const synthetic = spans.filter((s) => s.source === 'synthetic_learning');
    assert.ok(synthetic.length >= 1, JSON.stringify(spans.map((s) => [s.did, s.source])));
    const derived = synthetic[synthetic.length - 1].metadata?.derived_from as string[];
    assert.ok(accepted.every((id) => derived.includes(id)), `${JSON.stringify(derived)} cites ${JSON.stringify(accepted)}`);
    ctx.retention.dispose();
    ctx.sync.dispose();
  });

  it('counts a document grown too large to keep its text as not retained, and stores no learned span', () => {
    const { ctx, jobs, spans } = acceptedInDocument('const user = authenticate(request);\nreturn respond(user, request.body);\n');
    jobs[0]();
    const uri = pathToFileURL(path.join(dir, 'a.ts')).href;
    const tooLarge = { uri, languageId: 'typescript', version: 4, length: 11 * 1024 * 1024, tooLarge: 'larger than 10 MB' };
    ctx.documents = { get: (u: string) => (u === uri ? tooLarge : undefined) } as unknown as typeof ctx.documents;
    jobs[1]();
    jobs[2]();
    const checks = spans.filter((s) => s.did === 'check_retention').map((s) => [s.status, s.metadata?.reason]);
    assert.deepEqual(checks, [['completed', 'retained'], ['failed', 'too_large'], ['failed', 'too_large']]);
    assert.equal(spans.filter((s) => s.did !== 'suggest_completion' && s.did !== 'check_retention').length, 0);
    ctx.retention.dispose();
    ctx.sync.dispose();
  });

  it('stores nothing when the accepted text was edited away by the last check', () => {
    const { ctx, jobs, spans, edit } = acceptedInDocument('const user = authenticate(request);\nreturn respond(user, request.body);\n');
    jobs[0]();
    jobs[1]();
    edit('const user = authenticate(request);\nthrow new Error(`no`);\n');
    jobs[2]();
    assert.deepEqual(spans.map((s) => [s.did, s.status]), [['suggest_completion', 'completed'], ['check_retention', 'completed'], ['check_retention', 'completed'], ['check_retention', 'failed']]);
    ctx.retention.dispose();
    ctx.sync.dispose();
  });
});
