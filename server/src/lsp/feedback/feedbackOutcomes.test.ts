import { strict as assert } from 'node:assert';
import { fixedClock } from '@arenalab/core';
import type { CompletionCandidate, Span } from '@arenalab/core';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenDocument } from '../workspace/openDocuments';
import type { RetentionTimer } from '../../outcomes';
import { createLspContext } from '../lspContext';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { acceptedPrefixEnd, FeedbackError, onFeedback } from './onFeedback';
import { onTaskResult, TaskResultError } from './onTaskResult';
import { SuggestionMemory } from '../completion/suggestionMemory';

// arenalab/feedback and arenalab/taskResult through the LSP context, on an injected clock and a fake timer.
const SUGGESTED = 'return respond(user, request.body);';
const BEFORE = 'const user = authenticate(request);\n';

function setup() {
  const clock = fixedClock(Date.UTC(2024, 5, 1));
  const jobs: { at: number; run(): void }[] = [];
  const timer: RetentionTimer = { schedule: (delayMs, run) => (jobs.push({ at: clock.now() + delayMs, run }), () => undefined) };
  const quiet = { info: () => undefined, error: () => undefined, warn: () => undefined, log: () => undefined };
  const ctx = createLspContext({ console: quiet } as unknown as Connection, DEFAULT_LSP_SETTINGS, clock, timer);
  const documents = new Map<string, OpenDocument>();
  ctx.documents = { get: (u: string) => documents.get(u), all: () => [...documents.values()] } as unknown as typeof ctx.documents;
  const spans: Omit<Span, 'id'>[] = [];
  const record = ctx.outcomes.record.bind(ctx.outcomes);
  ctx.outcomes.record = (draft, options) => (spans.push(draft), record(draft, options));
  const indexed: { uri: string; text?: string }[] = [];
  ctx.sync.indexNow = (document, text) => void indexed.push({ uri: document.uri, text });
  const candidate: CompletionCandidate = {
    text: SUGGESTED, confidence: 0.9, method: 'continuation-vote',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    provenance: [{ file: 'b.ts', line: 1, spanId: 'win_b', similarity: 1, acceptedBefore: 0 }],
  };
  const open = (name: string, text = BEFORE) => {
    // Not a file: URI, so the retention check reads the document without looking for it on disk.
    const uri = `untitled:${name}`;
    documents.set(uri, TextDocument.create(uri, 'typescript', 1, text));
    return uri;
  };
  const show = (uri: string) => ctx.suggestions.remember(uri, candidate, { file: uri.slice('untitled:'.length), language: 'typescript', version: 1 }).id;
  return { ctx, clock, jobs, spans, indexed, open, show, documents };
}

describe('LSP feedback and task results become outcome spans', () => {
  it('stores the accepted prefix of a partial acceptance, indexes it at once and checks its retention', () => {
    const { ctx, jobs, spans, indexed, open, show, documents } = setup();
    const uri = open('a.ts');
    onFeedback(ctx, { suggestionId: show(uri), outcome: 'partially_accepted', acceptedText: 'return respond(' });
    assert.equal(spans.length, 1);
    assert.deepEqual([spans[0].status, spans[0].confirmed_by, spans[0].metadata?.accepted_text, spans[0].metadata?.accepted_chars], ['completed', 'partially accepted by user', 'return respond(', 15]);
    assert.deepEqual(indexed, [{ uri, text: BEFORE + 'return respond(' }]);
    assert.equal(jobs.length, 3, 'three retention checks of the prefix');
    documents.set(uri, TextDocument.create(uri, 'typescript', 2, BEFORE + 'return respond(other);\n'));
    jobs[0].run();
    const check = spans[1];
    assert.deepEqual([check.did, check.status, check.metadata?.reason, check.metadata?.similarity], ['check_retention', 'completed', 'retained', 1]);
    ctx.retention.dispose();
  });

  it('records an acceptance in a document grown too large to keep its text, and indexes it without inserting into text it does not have', () => {
    const { ctx, spans, indexed, open, show, documents } = setup();
    const uri = open('a.ts');
    const id = show(uri);
    documents.set(uri, { uri, languageId: 'typescript', version: 1, length: 11 * 1024 * 1024, tooLarge: 'larger than 10 MB' });
    onFeedback(ctx, { suggestionId: id, outcome: 'accepted' });
    assert.deepEqual([spans.length, spans[0].metadata?.outcome], [1, 'accepted']);
    assert.deepEqual(indexed, [{ uri, text: undefined }]);
    ctx.retention.dispose();
  });

  it('takes an accepted part that leaves out the indentation the editor already had, and CRLF line ends', () => {
    const { ctx, jobs, spans, indexed, open } = setup();
    const uri = open('a.ts');
    const candidate = { text: '    if (x) {\n      y();\n    }', confidence: 0.9, method: 'continuation-copy', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, provenance: [] };
    const id = ctx.suggestions.remember(uri, candidate, { file: 'a.ts', language: 'typescript', version: 1 }).id;
    onFeedback(ctx, { suggestionId: id, outcome: 'partially_accepted', acceptedText: 'if (x) {\r\n' });
    assert.equal(spans[0].metadata?.accepted_text, 'if (x) {\n');
    assert.deepEqual(indexed, [{ uri, text: BEFORE + '    if (x) {\n' }]);
    assert.equal(jobs.length, 3);
    assert.equal(acceptedPrefixEnd('    if (x) {', 'if'), 6);
    assert.equal(acceptedPrefixEnd('    if (x) {', 'x) {'), undefined, 'only indentation may be left out');
    ctx.retention.dispose();
  });

  it('stores why a suggestion was dismissed, and records no retention for a dismissal or a partial acceptance without text', () => {
    const { ctx, jobs, spans, open, show } = setup();
    const uri = open('a.ts');
    for (const reason of ['explicit', 'typed_over', 'timeout'] as const) onFeedback(ctx, { suggestionId: show(uri), outcome: 'dismissed', reason });
    onFeedback(ctx, { suggestionId: show(uri), outcome: 'partially_accepted' });
    assert.deepEqual(spans.map((s) => [s.status, s.metadata?.dismiss_reason]), [['failed', 'explicit'], ['failed', 'typed_over'], ['failed', 'timeout'], ['completed', undefined]]);
    assert.equal(spans[3].metadata?.accepted_text, undefined);
    assert.equal(jobs.length, 0);
  });

  it('rejects wrong new fields with a FeedbackError naming each problem, and records nothing for them', () => {
    const { ctx, spans, open, show } = setup();
    const id = show(open('a.ts'));
    const bad: [unknown, RegExp][] = [
      [{ outcome: 'dismissed', reason: 'bored' }, /reason: expected one of explicit, typed_over, timeout/],
      [{ outcome: 'accepted', reason: 'explicit' }, /reason: only for outcome dismissed/],
      [{ outcome: 'partially_accepted', acceptedText: 'throw ' }, /acceptedText: not a prefix of the suggestion/],
      [{ outcome: 'partially_accepted', acceptedText: 42 }, /acceptedText: expected a non-empty string/],
      [{ outcome: 'dismissed', acceptedText: 'return', reason: 7 }, /acceptedText: only for outcome partially_accepted; reason: expected one of/],
    ];
    for (const [fields, message] of bad) {
      assert.throws(() => onFeedback(ctx, { suggestionId: id, ...(fields as object) } as never), (e: unknown) => e instanceof FeedbackError && message.test(e.message));
    }
    assert.equal(spans.length, 0);
  });

  it('links a run to the suggestions accepted in the documents it names, and to all recent ones without uris', () => {
    const { ctx, clock, spans, open, show } = setup();
    const [a, b] = [open('a.ts'), open('b.ts')];
    onFeedback(ctx, { suggestionId: show(a), outcome: 'accepted' });
    clock.advance(1000);
    onFeedback(ctx, { suggestionId: show(b), outcome: 'accepted' });
    const acceptedA = ctx.outcomes.acceptedWithin(undefined, [a]);
    const acceptedB = ctx.outcomes.acceptedWithin(undefined, [b]);
    assert.equal(acceptedA.length, 1);
    const run = { name: 'npm test', kind: 'tests' as const, exitCode: 0, durationMs: 5 };
    onTaskResult(ctx, { ...run, uris: [b] });
    onTaskResult(ctx, { ...run, uris: ['untitled:elsewhere.ts'] });
    onTaskResult(ctx, run);
    const runs = spans.filter((s) => s.did === 'run_tests');
    assert.deepEqual(runs.map((s) => s.context?.previous_spans), [acceptedB, [], [...acceptedA, ...acceptedB]]);
    assert.throws(() => onTaskResult(ctx, { ...run, uris: 'file:///w/a.ts' as never }), (e: unknown) => e instanceof TaskResultError && /uris: expected a list of document URIs/.test(e.message));
    assert.throws(() => onTaskResult(ctx, { ...run, uris: [3] as never }), TaskResultError);
    ctx.retention.dispose();
  });

  it('keeps memory bounded when shown suggestions never get an outcome and acceptances never meet a run', () => {
    const memory = new SuggestionMemory(3);
    const place = { file: 'a.ts', language: 'typescript', version: 1 };
    const candidate = { text: 'x();', confidence: 1, method: 'continuation-copy', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, provenance: [] };
    const ids = Array.from({ length: 10 }, () => memory.remember('file:///w/a.ts', candidate, place).id);
    assert.equal(memory.size, 3);
    assert.deepEqual(ids.map((id) => memory.get(id) !== undefined), [...Array(7).fill(false), true, true, true]);
    const { ctx, clock, open, show } = setup();
    const uri = open('a.ts');
    for (let i = 0; i < 30; i++) {
      onFeedback(ctx, { suggestionId: show(uri), outcome: 'accepted' });
      clock.advance(60_000);
    }
    assert.ok(ctx.outcomes.rememberedAccepted <= 11, String(ctx.outcomes.rememberedAccepted));
    ctx.retention.dispose();
  });
});
