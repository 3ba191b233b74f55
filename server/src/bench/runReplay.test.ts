import { strict as assert } from 'node:assert';
import { CompletionEngine, silentProgress } from '@arenalab/core';
import type { CompleteOptions, CompletionCandidate, CompletionRequest, CompletionResult, RatedOutcome } from '@arenalab/core';
import { addedLineNumbers } from './addedLines';
import type { RepoFile } from './gitRepoReader';
import type { ReplayCommit, ReplayCreature, ReplayEngine } from './replayTypes';
import { runReplay, sampleCommitCases } from './runReplay';

const never = { isCancelled: false };
const config = { slices: 2, perCommit: 50, seed: 1 };

/** A block of code that is new at some commit and repeated later: only a creature that learned it can predict it. */
const PATTERN = [
  'export function parseOptions(argv: string[]): Options {',
  '  const options = defaultOptions();',
  '  for (const arg of argv) applyArgument(options, arg);',
  '  return validateOptions(options);',
  '}',
];
const file = (path: string, lines: string[]): RepoFile => ({ path, language: 'typescript', text: lines.join('\n') });
const addAll = (f: RepoFile) => ({ path: f.path, status: 'added' as const, file: f, added: f.text.split('\n').map((_, i) => i) });
const INITIAL = [file('src/main.ts', ['import { run } from "./run";', 'run(process.argv);'])];
const HISTORY: ReplayCommit[] = [
  { sha: 'c1', date: '2024-01-01', changes: [addAll(file('src/cli.ts', ['// a', ...PATTERN]))] },
  { sha: 'c2', date: '2024-01-02', changes: [addAll(file('src/tool.ts', ['// b', ...PATTERN]))] },
  { sha: 'c3', date: '2024-01-03', changes: [addAll(file('src/admin.ts', ['// c', ...PATTERN]))] },
];

function creature(name: string, learnsCode: boolean, learnsFeedback: boolean): ReplayCreature {
  const engine = new CompletionEngine();
  for (const f of INITIAL) engine.addFile(f.path, f.language, f.text);
  return { name, engine, learnsCode, learnsFeedback };
}

describe('addedLineNumbers', () => {
  it('gives the 0-based lines of the new version that a unified diff adds', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' a', '-b', '+B', '+C', ' d', '@@ -10,2 +11,2 @@', ' x', '+y', '-z', '\\ No newline at end of file'].join('\n');
    assert.deepEqual(addedLineNumbers(patch), [1, 2, 11]);
    assert.deepEqual(addedLineNumbers('@@ -0,0 +1,2 @@\n+one\n+two'), [0, 1]);
    assert.deepEqual(addedLineNumbers(''), []);
  });
});

describe('runReplay', () => {
  it('samples eligible added lines only, reproducibly, capped per commit', () => {
    const cases = sampleCommitCases(HISTORY[0], { ...config, perCommit: 3 });
    assert.equal(cases.length, 3);
    assert.ok(cases.every((c) => c.line >= 1 && c.line <= 4), JSON.stringify(cases.map((c) => c.line)));
    assert.deepEqual(sampleCommitCases(HISTORY[0], { ...config, perCommit: 3 }), cases);
    assert.equal(sampleCommitCases(HISTORY[0], config).length, 4);
  });

  it('a creature that learns each commit predicts code it saw earlier; the static one cannot', async () => {
    const creatures = [creature('static', false, false), creature('learning', true, true)];
    const result = await runReplay(HISTORY, HISTORY.length, creatures, config, never, silentProgress);
    assert.equal(result.replayed_commits, 3);
    assert.equal(result.cases, 12);
    assert.deepEqual(result.slices.map((s) => [s.slice, s.commits, s.cases]), [[1, 2, 8], [2, 1, 4]]);
    assert.equal(result.overall.static.em, 0);
    assert.ok(result.overall.learning.em >= 0.5, JSON.stringify(result.overall));
    assert.equal(result.slices[1].creatures.learning.em, 1);
  });

  it('never shows a creature the change before it predicted it, and credits only shown predictions', async () => {
    const events: string[] = [];
    const inner = new CompletionEngine();
    const recording: ReplayEngine = {
      config: inner.config,
      addFile: (path, language, text) => {
        events.push(`add ${path}`);
        inner.addFile(path, language, text);
      },
      unlearnFile: (path) => events.push(`unlearn ${path}`),
      recordOutcome: (candidate: Pick<CompletionCandidate, 'provenance'>, outcome: RatedOutcome, id?: string) => {
        events.push(`outcome ${outcome} ${id}`);
        inner.recordOutcome(candidate, outcome, id);
      },
      complete: (request: CompletionRequest, options?: CompleteOptions): CompletionResult => {
        const commit = HISTORY.find((c) => c.changes.some((ch) => ch.path === request.file))!;
        const text = commit.changes[0].file!.text;
        // The request is the new version minus exactly one line, and that line's version is not indexed yet.
        assert.equal(text.split('\n').length, (request.prefix + request.suffix).split('\n').length + (request.suffix === '' ? 0 : 1));
        events.push(`complete ${request.file}`);
        return inner.complete(request, options);
      },
    };
    await runReplay(HISTORY, HISTORY.length, [{ name: 'learning', engine: recording, learnsCode: true, learnsFeedback: true }], config, never, silentProgress);
    for (const commit of HISTORY) {
      const path = commit.changes[0].path;
      const firstAdd = events.indexOf(`add ${path}`);
      assert.ok(firstAdd > events.lastIndexOf(`complete ${path}`), events.join('\n'));
    }
    assert.ok(events.some((e) => e.startsWith('outcome accepted c3:')), events.join('\n'));
    assert.ok(events.filter((e) => e.startsWith('outcome')).every((e) => /^outcome (accepted|dismissed) c\d:src\/\w+\.ts:\d+$/.test(e)));
  });
});
