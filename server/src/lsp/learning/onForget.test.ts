import { strict as assert } from 'node:assert';
import { fixedClock, validateSpan } from '@arenalab/core';
import type { CompletionCandidate } from '@arenalab/core';
import type { Connection } from 'vscode-languageserver/node';
import { suggestionOutcomeSpan } from '../../outcomes';
import { createLspContext } from '../lspContext';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { ForgetError, onForget } from './onForget';

// Forgetting an outcome span takes back exactly its credit, with the spans that cite it; the stdio test
// (lspForget.test.ts) covers files and sources through the real server.
const candidate: CompletionCandidate = {
  text: 'return respond(user, request.body);', confidence: 0.9, method: 'continuation-vote',
  range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
  provenance: [{ file: 'b.ts', line: 1, spanId: 'win_b', similarity: 1, acceptedBefore: 0 }, { file: 'c.ts', line: 1, spanId: 'win_c', similarity: 1, acceptedBefore: 0 }],
};
const quiet = { info: () => undefined, error: () => undefined, warn: () => undefined, log: () => undefined };

function accepted(ctx: ReturnType<typeof createLspContext>, suggestionId: string): string {
  const checked = validateSpan(suggestionOutcomeSpan({ suggestionId, outcome: 'accepted', file: 'a.ts', language: 'typescript', candidate, whenMs: Date.UTC(2024, 5, 1) }));
  assert.ok(checked.ok);
  ctx.learner.observe([checked.span]);
  return checked.span.id;
}

describe('onForget', () => {
  const context = () => createLspContext({ console: quiet } as unknown as Connection, DEFAULT_LSP_SETTINGS, fixedClock(Date.UTC(2024, 5, 1)), { schedule: () => () => undefined });

  it('unlearns a forgotten outcome exactly, leaving the others', () => {
    const ctx = context();
    const first = accepted(ctx, 's1');
    const once = ctx.engine.weights.weight('win_b');
    accepted(ctx, 's2');
    assert.ok(ctx.engine.weights.weight('win_b') > once);
    assert.deepEqual(onForget(ctx, { spanIds: [first] }), { outcomes: [first], sources: 0 });
    assert.equal(ctx.engine.weights.weight('win_b'), once);
    assert.equal(ctx.engine.weights.acceptedCount('win_c'), 1);
    assert.deepEqual(onForget(ctx, { spanIds: [first] }), { outcomes: [], sources: 0 }, 'forgetting twice removes nothing more');
  });

  it('refuses params of the wrong shape with every problem named', () => {
    const ctx = context();
    assert.throws(() => onForget(ctx, { spanIds: [''], file: 3 as unknown as string }), (e: Error) => e instanceof ForgetError && /spanIds: .*; file: expected a document URI/.test(e.message));
    assert.throws(() => onForget(ctx, undefined), /nothing to forget/);
  });
});
