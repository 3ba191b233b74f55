import { strict as assert } from 'node:assert';
import { ContinuationIndex } from './continuationIndex';
import { NextTokenModel } from './nextTokenModel';
import type { NextTokenSettings, TokenSource } from './nextTokenModel';
import { QueryTokenIds, tokenStream } from './tokenStream';

const SETTINGS: NextTokenSettings = { matchExponent: 4, minContext: 2, maxContext: 32, minOccurrences: 24, maxPerLevel: 64, selfWeight: 4, openFileWeight: 1.5, foreignNameWeight: 1 };

function indexOf(files: Record<string, string>): ContinuationIndex {
  const index = new ContinuationIndex({ indentTokens: true, tokenPostings: true });
  for (const [path, text] of Object.entries(files)) index.addFile(path, 'typescript', text);
  return index;
}

/** The request's document up to the cursor (the typed part of the last line included) as a local token source. */
function documentSource(index: ContinuationIndex, lines: string[]): { source: TokenSource; ids: QueryTokenIds } {
  const ids = new QueryTokenIds(index.vocabulary);
  const stream = tokenStream(lines, ids);
  return { ids, source: { path: 'q.ts', scope: 'self', ...stream, lines, firstLine: 0, end: stream.tokens.length - 1 } };
}

function distribution(model: NextTokenModel, doc: { source: TokenSource; ids: QueryTokenIds }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const next of model.next(doc.source.tokens, doc.source.end)) out[doc.ids.token(next.id)] = Math.round(next.probability * 1000) / 1000;
  return out;
}

describe('NextTokenModel (variable-length n-grams with locality)', () => {
  it('counts what followed the same context in the workspace: equal contexts, proportional probabilities', () => {
    const index = indexOf({ 'a.ts': 'let total = sum(items, 0);', 'b.ts': 'let total = sum(items, 1);', 'c.ts': 'let total = sum(items, 1);' });
    const doc = documentSource(index, ['let total = sum(items,']);
    const model = new NextTokenModel(index, 'q.ts', [], SETTINGS);
    assert.deepEqual(distribution(model, doc), { '1': 0.667, '0': 0.333 });
    const [best] = model.next(doc.source.tokens, doc.source.end);
    assert.equal(best.count, 2);
    assert.ok(['b.ts', 'c.ts'].includes(best.best.source.path));
    assert.ok(best.best.matchLength >= 7, 'the whole line before the token is matched');
  });

  it('weighs longer contexts far more (the longest context decides) and backs off when the long one is unseen', () => {
    const index = indexOf({ 'a.ts': 'run(alpha, beta, gamma);\nrun(delta, beta, omega);\nrun(x, beta, omega);' });
    const model = new NextTokenModel(index, 'q.ts', [], SETTINGS);
    const long = distribution(model, documentSource(index, ['run(alpha, beta,']));
    assert.ok(long.gamma > 0.9, `the 6-token context wins: ${JSON.stringify(long)}`);
    // "unseenName" is unknown to the index: only the two-token context ", beta ," after it can match.
    const backedOff = distribution(model, documentSource(index, ['run(unseenName, beta,']));
    assert.ok(backedOff.omega > backedOff.gamma, `backing off counts every place: ${JSON.stringify(backedOff)}`);
  });

  it('prefers the document over open files over the workspace, each with its own counts', () => {
    const index = indexOf({ 'a.ts': 'emit(value, "workspace");', 'b.ts': 'emit(value, "workspace");' });
    const lines = ['emit(value, "local");', 'emit(value,'];
    const doc = documentSource(index, lines);
    const open = tokenStream(['emit(value, "open");'], doc.ids);
    const openSource: TokenSource = { path: 'o.ts', scope: 'open', ...open, lines: ['emit(value, "open");'], firstLine: 0, end: open.tokens.length };
    const all = distribution(new NextTokenModel(index, 'q.ts', [doc.source, openSource], SETTINGS), doc);
    assert.ok(all['"local"'] > all['"open"'] && all['"open"'] > all['"workspace"'] / 2, JSON.stringify(all));
    const withoutDocument = distribution(new NextTokenModel(index, 'q.ts', [{ ...doc.source, end: 0 }, openSource], SETTINGS), doc);
    assert.equal(withoutDocument['"local"'], undefined);
  });

  it('prefers names the document uses over names seen only elsewhere (foreignNameWeight)', () => {
    const index = indexOf({ 'a.ts': 'send(request, alpha);', 'b.ts': 'send(request, alpha);', 'c.ts': 'send(request, beta);' });
    const doc = documentSource(index, ['const beta = make();', 'send(request,']);
    const local = { ...doc.source, end: doc.source.lineStarts[1] };
    const neutral = distribution(new NextTokenModel(index, 'q.ts', [local], SETTINGS), doc);
    assert.ok(neutral.alpha > neutral.beta, JSON.stringify(neutral));
    const preferring = distribution(new NextTokenModel(index, 'q.ts', [local], { ...SETTINGS, foreignNameWeight: 0.25 }), doc);
    assert.ok(preferring.beta > preferring.alpha, JSON.stringify(preferring));
  });

  it('follows files added and removed; the request file is never read from the index', () => {
    const index = indexOf({ 'a.ts': 'connect(host, port);' });
    const doc = documentSource(index, ['connect(host,']);
    assert.deepEqual(distribution(new NextTokenModel(index, 'q.ts', [], SETTINGS), doc), { port: 1 });
    assert.deepEqual(distribution(new NextTokenModel(index, 'a.ts', [], SETTINGS), doc), {});
    index.addFile('b.ts', 'typescript', 'connect(host, timeout);');
    index.removeFile('a.ts');
    assert.deepEqual(distribution(new NextTokenModel(index, 'q.ts', [], SETTINGS), documentSource(index, ['connect(host,'])), { timeout: 1 });
    index.addFile('a.ts', 'typescript', 'connect(host, port);');
    assert.deepEqual(distribution(new NextTokenModel(index, 'q.ts', [], SETTINGS), documentSource(index, ['connect(host,'])), { port: 0.5, timeout: 0.5 });
  });
});
