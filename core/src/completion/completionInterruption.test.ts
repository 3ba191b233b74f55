import { strict as assert } from 'node:assert';
import { CancelledError } from '../ports/cancellation';
import type { Cancellation } from '../ports/cancellation';
import { CompletionEngine } from './completionEngine';
import type { CompletionRequest } from './completionTypes';

// The engine stops between its search phases: cancelled → CancelledError, budget spent → what was found so far.
const CONTEXT = ['export function handle(request: Request): Response {', '  const user = authenticate(request);'];
const FROM_INDEX = '  return respond(user, request.body);';
const FROM_SELF = '  return respond(user, request.query);';

function setup() {
  const engine = new CompletionEngine();
  engine.addFile('a.ts', 'typescript', [...CONTEXT, FROM_INDEX, '}'].join('\n'));
  // The request's own document repeats the context earlier with another continuation: found by the second phase.
  const before = [...CONTEXT, FROM_SELF, '}', '', ...CONTEXT];
  const request: CompletionRequest = { file: 'c.ts', language: 'typescript', prefix: before.map((l) => l + '\n').join(''), suffix: '' };
  return { engine, request };
}

/** A signal that flips after it has been asked `calls` times. */
function flipsAfter(calls: number): Cancellation & { asked: number } {
  return { asked: 0, get isCancelled() { return ++this.asked > calls; } };
}

describe('CompletionEngine interruption between search phases', () => {
  it('ranks only what the phases done before the budget ran out found, and says it was cut short', () => {
    const { engine, request } = setup();
    const full = engine.complete(request, { showThreshold: 0 });
    assert.deepEqual(full.candidates.map((c) => c.text).sort(), [FROM_INDEX, FROM_SELF].sort());
    assert.equal(full.cutShort, undefined);
    const cut = engine.complete(request, { showThreshold: 0, budget: flipsAfter(1) });
    assert.equal(cut.cutShort, true);
    assert.deepEqual(cut.candidates.map((c) => [c.text, c.provenance.map((p) => p.file)]), [[FROM_INDEX, ['a.ts']]]);
    const none = engine.complete(request, { showThreshold: 0, budget: flipsAfter(0) });
    assert.deepEqual([none.candidates, none.cutShort], [[], true]);
  });

  it('throws CancelledError when the token is cancelled, before any phase or between phases', async () => {
    const { engine, request } = setup();
    assert.throws(() => engine.complete(request, { token: { isCancelled: true } }), CancelledError);
    assert.throws(() => engine.complete(request, { token: flipsAfter(2) }), CancelledError);
    await assert.rejects(engine.completeInterruptibly(request, { token: flipsAfter(1) }, async () => undefined), CancelledError);
  });

  it('pauses before every phase when run interruptibly, so a cancel arriving during a pause stops it', async () => {
    const { engine, request } = setup();
    let pauses = 0;
    const result = await engine.completeInterruptibly(request, { showThreshold: 0 }, async () => void pauses++);
    // Index, document, suffix, open files, two renamed-context phases, then composing token by token.
    const phases = (engine.config.renamedContextCredit > 0 ? 6 : 4) + (engine.config.synthesisCredit > 0 ? 1 : 0);
    assert.equal(pauses, phases);
    assert.deepEqual(result, engine.complete(request, { showThreshold: 0 }));
    const token = { isCancelled: false };
    let seen = 0;
    const cancelledInPause = engine.completeInterruptibly(request, { token }, async () => {
      if (++seen === 3) token.isCancelled = true;
    });
    await assert.rejects(cancelledInPause, CancelledError);
    assert.equal(seen, 3);
  });
});
