import { strict as assert } from 'node:assert';
import { CancelledError, CompletionEngine, fixedClock } from '@arenalab/core';
import type { CompleteOptions, CompletionRequest, CompletionResult } from '@arenalab/core';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionService } from '../../answering';
import { guarded } from '../guarded';
import { createLspContext } from '../lspContext';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { suggestAt } from './suggestAt';

// suggestAt with an injected clock and a slow engine: each search phase "takes" injected time, and whatever the
// test wants to arrive mid-request (a cancel, an edit) arrives during the engine's pauses between phases.
const CONTEXT = ['export function handle(request: Request): Response {', '  const user = authenticate(request);'];
const FROM_INDEX = 'return respond(user, request.body);';
const FROM_SELF = 'return respond(user, request.query);';
const URI = 'untitled:c.ts';

/** The real engine, whose pauses between phases run `duringPause` (with the phase number) first. */
class SlowEngine extends CompletionEngine {
  pauses = 0;
  constructor(private readonly duringPause: (pause: number) => void) {
    super();
  }

  override completeInterruptibly(request: CompletionRequest, options: CompleteOptions, pause: () => Promise<void>): Promise<CompletionResult> {
    return super.completeInterruptibly(request, options, async () => {
      this.duringPause(++this.pauses);
      await pause();
    });
  }
}

function setup(duringPause: (pause: number, ctx: ReturnType<typeof createLspContext>) => void = () => undefined) {
  const clock = fixedClock(Date.UTC(2024, 5, 1));
  const logs: string[] = [];
  const console = { info: (l: string) => logs.push(l), error: (l: string) => logs.push(l), warn: () => undefined, log: () => undefined };
  const ctx = createLspContext({ console } as unknown as Connection, DEFAULT_LSP_SETTINGS, clock);
  const engine = new SlowEngine((n) => duringPause(n, ctx));
  engine.addFile('a.ts', 'typescript', [...CONTEXT, `  ${FROM_INDEX}`, '}'].join('\n'));
  ctx.engine = engine;
  ctx.completions = new CompletionService(engine, ctx.constitution);
  ctx.clientSettings = { ...ctx.clientSettings, confidenceThreshold: 0 };
  const text = [...CONTEXT, `  ${FROM_SELF}`, '}', '', ...CONTEXT, ''].join('\n');
  let document = TextDocument.create(URI, 'typescript', 1, text);
  ctx.documents = { get: (u: string) => (u === URI ? document : undefined), all: () => [document] } as unknown as typeof ctx.documents;
  const edit = () => (document = TextDocument.create(URI, 'typescript', document.version + 1, document.getText() + ' '));
  const at = { line: 7, character: 0 };
  return { ctx, clock, logs, engine, edit, at };
}

const texts = (shown: { candidate: { text: string } }[]) => shown.map((s) => s.candidate.text.trim()).sort();

describe('suggestAt: cancellation, stale versions and the time budget', () => {
  it('answers with everything the phases find when the budget is not spent', async () => {
    const { ctx, at, engine } = setup();
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), [FROM_INDEX, FROM_SELF].sort());
    assert.ok(engine.pauses >= 4);
  });

  it('when the budget runs out mid-request, answers at once with what the phases done so far found', async () => {
    // The first phase (the workspace index) takes the whole budget of injected time.
    const { ctx, at, logs } = setup((pause, c) => {
      if (pause === 2) (c.clock as ReturnType<typeof fixedClock>).advance(c.clientSettings.requestBudgetMs);
    });
    const shown = await suggestAt(ctx, URI, at);
    assert.deepEqual(texts(shown), [FROM_INDEX]);
    assert.ok(shown[0].candidate.provenance.every((p) => p.file === 'a.ts'));
    assert.ok(ctx.suggestions.get(shown[0].id), 'the partial answer is remembered for explain and feedback');
    assert.match(logs.join('\n'), /cut short by the 250 ms budget: 1 candidate\(s\) from the phases done/);
  });

  it('takes the budget from the arenalab.requestBudgetMs setting', async () => {
    const { ctx, at } = setup((pause, c) => {
      if (pause === 2) (c.clock as ReturnType<typeof fixedClock>).advance(300);
    });
    ctx.clientSettings = { ...ctx.clientSettings, requestBudgetMs: 1000 };
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), [FROM_INDEX, FROM_SELF].sort());
  });

  it('stops a request cancelled mid-way ($/cancelRequest) with CancelledError, which the guard answers empty without logging', async () => {
    let cancelled = false;
    const token: CancellationToken = { get isCancellationRequested() { return cancelled; }, onCancellationRequested: () => ({ dispose: () => undefined }) };
    const { ctx, at, engine, logs } = setup((pause) => {
      if (pause === 2) cancelled = true;
    });
    await assert.rejects(suggestAt(ctx, URI, at, token), CancelledError);
    assert.equal(engine.pauses, 2, 'no phase ran after the cancel');
    cancelled = false;
    engine.pauses = 0;
    const handler = guarded(ctx.connection.console, 'textDocument/inlineCompletion', [], (_params: object, t?: CancellationToken) => suggestAt(ctx, URI, at, t));
    assert.deepEqual(await handler({}, token), []);
    assert.deepEqual(logs, []);
  });

  it('drops the answer when the document changed while the request ran (a stale version)', async () => {
    const state = { edit: () => undefined as unknown };
    const { ctx, at, edit } = setup((pause) => {
      if (pause === 3) state.edit();
    });
    state.edit = edit;
    assert.deepEqual(await suggestAt(ctx, URI, at), []);
    assert.equal(ctx.suggestions.size, 0);
  });
});
