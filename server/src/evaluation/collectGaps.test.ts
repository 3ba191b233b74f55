import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SPAN_SCHEMA_VERSION, silentProgress, spanContentHash } from '@arenalab/core';
import type { CompletionCandidate, Span } from '@arenalab/core';
import { leakedSecrets, PLANTED_KEY_ID, PLANTED_PASSWORD, writePlantedSecretsWorkspace } from '../answering/plantedSecretsTestSupport';
import { suggestionOutcomeSpan } from '../outcomes';
import { SpanStore } from '../store';
import { collectGaps } from './collectGaps';

const never = { isCancelled: false };
const progress = { phase: () => silentProgress };

/** A folder the creature knows cold (the same module repeated) and one it cannot know (every line unique). */
function writeRepo(dir: string): void {
  const known = ['export function add(a: number, b: number): number {', '  const total = a + b;', '  console.log(total);', '  return total;', '}', ''].join('\n');
  fs.mkdirSync(path.join(dir, 'known'));
  fs.mkdirSync(path.join(dir, 'unknown'));
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, 'known', `m${i}.ts`), known);
  for (let i = 0; i < 6; i++) {
    const lines = Array.from({ length: 6 }, (_, j) => `const value${i}x${j} = compute${j * 7 + i}(input${i + j});`);
    fs.writeFileSync(path.join(dir, 'unknown', `u${i}.ts`), lines.join('\n') + '\n');
  }
}

function candidate(text: string, confidence: number): CompletionCandidate {
  return { text, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, confidence, method: 'continuation-vote', provenance: [{ file: 'known/m0.ts', line: 3, spanId: 'win_a', similarity: 1, acceptedBefore: 0 }] };
}

function withId(span: Omit<Span, 'id'>): Span {
  return { ...span, id: spanContentHash(span as Span).slice(0, 32) } as Span;
}

const questionSpan = (i: number): Span =>
  withId({ schema_version: SPAN_SCHEMA_VERSION, source: 'user_upload', who: 'user', did: 'ask_question', this: `How do I configure the linter rule number ${i} for imports?`, when: `2026-01-0${i + 1}T00:00:00.000Z`, status: 'completed', if_ok: `Set rule ${i} to "error" in the config file and rerun the linter; it reports unsorted imports.`, confirmed_by: 'tests passed', context: { environment: 'programming/tooling' } });

describe('collectGaps', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-gaps-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const options = { perFile: 6, seed: 1, depth: 1, top: 20, minQuality: 0, map: { showThreshold: 0.5, minObservations: 3, examplesPerArea: 3 } };

  it("ranks the folder the creature cannot predict as weaker than the one it can, with its failed lines as targets", async () => {
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    writeRepo(repo);
    const report = await collectGaps({ ...options, repo }, never, progress);
    assert.ok(report.observations.next_line_cases > 20, JSON.stringify(report.observations));
    const measured = report.areas.filter((a) => !a.sparse);
    const rank = (domain: string) => measured.findIndex((a) => a.domain === domain);
    const unknown = measured.find((a) => a.domain === 'typescript unknown')!;
    const known = measured.filter((a) => a.domain === 'typescript known');
    assert.ok(unknown && known.length > 0, JSON.stringify(report.areas.map((a) => [a.domain, a.action])));
    assert.ok(rank('typescript unknown') < rank('typescript known'));
    assert.ok(known.every((a) => (a.em ?? 0) > (unknown.em ?? 0)), JSON.stringify(report.areas));
    assert.equal(unknown.action, 'declaration');
    assert.equal(unknown.examples, 36, 'every eligible line of the folder is material');
    assert.ok(unknown.targeted.length === 3 && unknown.targeted.every((t) => t.correct === false && t.ref.startsWith('unknown/')));
  });

  it("maps the store's logged suggestions by outcome and offers stored spans that are in no dataset", async () => {
    const store = path.join(dir, 'store');
    const writer = await SpanStore.open(store, { mode: 'write' });
    const logged = (i: number, outcome: 'accepted' | 'dismissed' | 'shown', confidence: number) =>
      withId(suggestionOutcomeSpan({ suggestionId: `s${i}`, outcome, file: 'src/app/main.ts', language: 'typescript', candidate: candidate('return total;', confidence), whenMs: Date.UTC(2026, 0, 1) + i }));
    await writer.append([logged(1, 'accepted', 0.9), logged(2, 'dismissed', 0.3), logged(3, 'dismissed', 0.6), logged(4, 'shown', 0.2), questionSpan(1), questionSpan(2)]);
    await writer.close();
    const report = await collectGaps({ ...options, store }, never, progress);
    assert.deepEqual(report.observations, { next_line_cases: 0, logged_suggestions: 4 });
    const [suggested] = report.areas;
    assert.deepEqual([suggested.domain, suggested.action, suggested.em, suggested.coverage], ['typescript src', 'return', 0.3333, 0.5]);
    assert.deepEqual(suggested.targeted.map((t) => t.confidence), [0.3, 0.6, 0.2]);
    const questions = report.areas.find((a) => a.domain === 'programming/tooling')!;
    assert.equal(questions.examples, 2);
    assert.equal(questions.candidates.length, 2);
    assert.ok(questions.candidates.every((c) => c.quality > 0));
  });

  it('shows the lines it targets with their secrets redacted, expected and predicted alike', async () => {
    const repo = path.join(dir, 'repo');
    writePlantedSecretsWorkspace(repo, 6);
    // Lines the creature cannot predict are what gaps targets: each file configures a different client with the key.
    for (let i = 0; i < 4; i++) {
      const lines = [`export function setup${i}(region${i}: string) {`, `  const c${i} = makeClient${i}(region${i});`, `  c${i}.auth${i}({ accessKeyId: '${PLANTED_KEY_ID}', password: "${PLANTED_PASSWORD}" });`, `  return c${i}.ready${i}();`, '}'];
      fs.writeFileSync(path.join(repo, 'src', `setup${i}.ts`), lines.join('\n') + '\n');
    }
    const report = await collectGaps({ ...options, repo, map: { ...options.map, examplesPerArea: 20 } }, never, progress);
    const details = report.areas.flatMap((a) => a.targeted.map((t) => t.detail));
    assert.ok(details.some((d) => d.includes('<redacted:')), details.join('\n'));
    assert.deepEqual(leakedSecrets(JSON.stringify(report)), []);
  });

  it('needs a repository or a store', async () => {
    await assert.rejects(collectGaps(options, never, progress), TypeError);
  });
});
