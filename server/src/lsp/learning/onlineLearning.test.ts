import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORGET_ACTION, fixedClock, neverCancelled, silentProgress, validateSpan } from '@arenalab/core';
import type { CompletionCandidate, Span } from '@arenalab/core';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { suggestionOutcomeSpan } from '../../outcomes';
import { SpanStore } from '../../store';
import { learnFromStore } from './learnFromStore';
import { createLspContext } from '../lspContext';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { loadStoreSpans } from '../../store';
import { onFeedback } from '../feedback/onFeedback';
import { onForget } from './onForget';
import { showThreshold } from '../completion/showThreshold';

// The language server's online learning: every recorded outcome moves the weights of the places the suggestion came
// from, and the outcomes already in a store are learned again when it opens (a restart loses nothing learned).
const SOURCE = 'win_b';
const candidate: CompletionCandidate = {
  text: 'return respond(user, request.body);', confidence: 0.9, method: 'continuation-vote',
  range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
  provenance: [{ file: 'b.ts', line: 1, spanId: SOURCE, similarity: 1, acceptedBefore: 0 }],
};
const quiet = { info: () => undefined, error: () => undefined, warn: () => undefined, log: () => undefined };

function context() {
  const clock = fixedClock(Date.UTC(2024, 5, 1));
  const ctx = createLspContext({ console: quiet } as unknown as Connection, DEFAULT_LSP_SETTINGS, clock, { schedule: () => () => undefined });
  const document = TextDocument.create('untitled:a.ts', 'typescript', 1, 'const user = authenticate(request);\n');
  ctx.documents = { get: (u: string) => (u === document.uri ? document : undefined), all: () => [document] } as unknown as typeof ctx.documents;
  ctx.sync.indexNow = () => undefined;
  const remember = () => ctx.suggestions.remember(document.uri, candidate, { file: 'a.ts', language: 'typescript', version: 1 });
  return { ctx, remember };
}

describe('LSP online learning', () => {
  it('an accepted suggestion raises the weight of its source, a dismissed one lowers it', () => {
    const { ctx, remember } = context();
    assert.equal(ctx.engine.weights.weight(SOURCE), 1);
    onFeedback(ctx, { suggestionId: remember().id, outcome: 'accepted' });
    const afterAccept = ctx.engine.weights.weight(SOURCE);
    assert.ok(afterAccept > 1, `weight after acceptance ${afterAccept}`);
    onFeedback(ctx, { suggestionId: remember().id, outcome: 'dismissed', reason: 'explicit' });
    assert.ok(ctx.engine.weights.weight(SOURCE) < afterAccept);
  });

  it('learns the outcomes already in a store when it opens, once however often it is read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-learn-'));
    try {
      const draft = suggestionOutcomeSpan({ suggestionId: 's1', outcome: 'accepted', file: 'a.ts', language: 'typescript', candidate, whenMs: Date.UTC(2024, 5, 1) });
      const checked = validateSpan(draft);
      assert.ok(checked.ok);
      const store = await SpanStore.open(dir, { mode: 'write' });
      await store.append([checked.span]);
      await store.close();
      const { ctx } = context();
      await learnFromStore(ctx, dir, () => undefined);
      const learned = ctx.engine.weights.weight(SOURCE);
      assert.ok(learned > 1, `weight after reading the store ${learned}`);
      await learnFromStore(ctx, dir, () => undefined);
      assert.equal(ctx.engine.weights.weight(SOURCE), learned);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('LSP calibration from outcomes', () => {
  it('refits the engine confidence as accepted and dismissed suggestions are recorded', () => {
    const { ctx } = context();
    const shown = { ...candidate, rawConfidence: 0.8, mode: 'next-line' as const };
    const remember = () => ctx.suggestions.remember('untitled:a.ts', shown, { file: 'a.ts', language: 'typescript', version: 1 });
    assert.equal(ctx.engine.calibration.calibrate(0.8, 'next-line', 'typescript'), 0.8, 'unfitted: the raw score');
    // Each report is its own suggestion (a new id): 60 dismissals of suggestions the engine scored 0.8.
    for (let i = 0; i < 60; i++) onFeedback(ctx, { suggestionId: remember().id, outcome: 'dismissed', reason: 'explicit' });
    const afterDismissals = ctx.engine.calibration.calibrate(0.8, 'next-line', 'typescript');
    assert.ok(afterDismissals < 0.8, `after 60 dismissals at 0.8: ${afterDismissals}`);
    for (let i = 0; i < 60; i++) onFeedback(ctx, { suggestionId: remember().id, outcome: 'accepted' });
    assert.ok(ctx.engine.calibration.calibrate(0.8, 'next-line', 'typescript') > afterDismissals);
  });
});

describe('LSP show threshold for a target precision', () => {
  /** 100 logged suggestions, confidences 0.00–0.99: those from 0.70 up were accepted, the others dismissed. */
  function logged(ctx: ReturnType<typeof context>['ctx']) {
    for (let i = 0; i < 100; i++) {
      const confidence = i / 100;
      const outcome = confidence >= 0.7 ? 'accepted' : 'dismissed';
      const draft = suggestionOutcomeSpan({ suggestionId: `s${i}`, outcome, file: 'a.ts', language: 'typescript', candidate: { ...candidate, confidence }, whenMs: Date.UTC(2024, 5, 1) + i, ...(outcome === 'dismissed' ? { reason: 'explicit' as const } : {}) });
      const checked = validateSpan(draft);
      assert.ok(checked.ok);
      ctx.learner.observe([checked.span]);
    }
  }

  it('uses arenalab.confidenceThreshold while no target precision is set', () => {
    const { ctx } = context();
    logged(ctx);
    ctx.clientSettings = { ...ctx.clientSettings, confidenceThreshold: 0.4 };
    assert.equal(showThreshold(ctx), 0.4);
  });

  it('follows the target precision on the logged outcomes, and the setting when too few are logged', () => {
    const { ctx } = context();
    ctx.clientSettings = { ...ctx.clientSettings, confidenceThreshold: 0.5, targetPrecision: 0.95 };
    assert.equal(showThreshold(ctx), 0.5, 'nothing logged yet');
    logged(ctx);
    ctx.clientSettings = { ...ctx.clientSettings };
    const fitted = showThreshold(ctx);
    assert.ok(fitted >= 0.6 && fitted <= 0.7, `threshold ${fitted}`);
  });
});

describe('LSP forgetting survives a restart (tombstones in the store)', () => {
  it('a forgotten acceptance is not learned again from the store, and the store reads without it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-forget-'));
    try {
      const first = context();
      const recorded: Omit<Span, 'id'>[] = [];
      const record = first.ctx.outcomes.record.bind(first.ctx.outcomes);
      first.ctx.outcomes.record = (draft, options) => (recorded.push(draft), record(draft, options));
      onFeedback(first.ctx, { suggestionId: first.remember().id, outcome: 'accepted' });
      assert.ok(first.ctx.engine.weights.weight(SOURCE) > 1);
      const accepted = validateSpan(recorded[0]);
      assert.ok(accepted.ok);
      onForget(first.ctx, { spanIds: [accepted.span.id] });
      assert.equal(first.ctx.engine.weights.weight(SOURCE), 1);
      const tombstone = recorded.find((draft) => draft.did === FORGET_ACTION);
      assert.ok(tombstone, 'a tombstone is recorded');
      const checkedTombstone = validateSpan(tombstone);
      assert.ok(checkedTombstone.ok);
      const store = await SpanStore.open(dir, { mode: 'write' });
      await store.append([accepted.span, checkedTombstone.span]);
      await store.close();

      const restarted = context();
      await learnFromStore(restarted.ctx, dir, () => undefined);
      assert.equal(restarted.ctx.engine.weights.weight(SOURCE), 1, 'the acceptance stays forgotten after a restart');
      assert.deepEqual(await loadStoreSpans(dir, neverCancelled, silentProgress), [], 'datasets and the chat read the store without it');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
