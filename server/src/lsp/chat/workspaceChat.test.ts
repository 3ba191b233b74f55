import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AntiPatternMemory, ConstitutionalReviewer, fixedClock, HashingEmbedder, neverCancelled } from '@arenalab/core';
import type { ChatParams } from '@arenalab/protocol';
import { WorkspaceChat } from './workspaceChat';
import type { WorkspaceChatDeps } from './workspaceChat';

// WorkspaceChat over a real store that grows while the chat is in use (the CLI ingesting more chat turns).
const repoRoot = path.resolve(__dirname, '../../../..');
const CORPUS = fs.readFileSync(path.join(repoRoot, 'test-fixtures', 'chat', 'qa-corpus.jsonl'), 'utf8').trim().split('\n');
const UNDO = 'How do I undo my last git commit and keep my changes?';

const clock = fixedClock(Date.UTC(2026, 0, 1));
const plainReviewer = new ConstitutionalReviewer({ clock });
function deps(overrides: Partial<WorkspaceChatDeps> = {}): WorkspaceChatDeps {
  return { clock, log: () => undefined, record: () => undefined, llm: () => undefined, reviewer: () => Promise.resolve(plainReviewer), ...overrides };
}

describe('WorkspaceChat: the memory follows the store', function () {
  this.timeout(60_000);
  let dir: string;
  const ingest = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'ingest', file, '--format', 'chat', '--store', path.join(dir, 'store')], { stdio: 'pipe' });
  };
  const ask = (question: string): ChatParams => ({ messages: [{ role: 'user', content: question }] });

  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-wschat-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers from turns ingested after it was built, adding them instead of rebuilding, and remembers each answer', async () => {
    const logs: string[] = [];
    const chat = new WorkspaceChat(deps({ log: (l) => logs.push(l) }));
    const place = { storeDir: path.join(dir, 'store'), workspace: undefined, toolsAllowed: true };
    ingest('others.jsonl', CORPUS.filter((line) => !/undo/i.test(line)));
    const before = await chat.answer(ask(UNDO), place, neverCancelled);
    assert.doesNotMatch(before.text, /git reset --soft/, 'the undo turns are not in the store yet');
    assert.equal(logs.filter((l) => /^chat: \d+ answered question/.test(l)).length, 1);

    ingest('undo.jsonl', CORPUS.filter((line) => /undo/i.test(line)));
    const after = await chat.answer(ask(UNDO), place, neverCancelled);
    assert.equal(after.method, 'majority', JSON.stringify(after));
    assert.match(after.text, /git reset --soft HEAD~1/);
    assert.ok(logs.some((l) => /^chat: [1-9]\d* new answered question\(s\) from the store$/.test(l)), logs.join('\n'));
    assert.equal(logs.filter((l) => /^chat: \d+ answered question/.test(l)).length, 1, 'not rebuilt');

    const remembered = chat.answers.get(after.answerId);
    assert.equal(remembered?.question, UNDO);
    assert.deepEqual(remembered?.sourceSpanIds, after.provenance.map((p) => p.spanId));
  });

  it('answers "I don\'t know" without a store, and never throws for a missing one', async () => {
    const chat = new WorkspaceChat(deps());
    for (const storeDir of [undefined, path.join(dir, 'nothing-here')]) {
      const answer = await chat.answer(ask(UNDO), { storeDir, workspace: undefined, toolsAllowed: true }, neverCancelled);
      assert.equal(answer.method, 'no_match');
      assert.equal(answer.confidence, 0);
    }
  });

  it('reviews answers with the constitution it is given: an answer like a remembered violation is refused', async () => {
    ingest('all.jsonl', CORPUS);
    const place = { storeDir: path.join(dir, 'store'), workspace: undefined, toolsAllowed: true };
    const plain = await new WorkspaceChat(deps()).answer(ask(UNDO), place, neverCancelled);
    const antiPatterns = await AntiPatternMemory.create(new HashingEmbedder(), [{ principleId: 'harmlessness', kind: 'chat', text: plain.text, reason: 'rejected in review', recordedAt: 0 }]);
    const strict = new ConstitutionalReviewer({ clock, antiPatterns });
    const refused = await new WorkspaceChat(deps({ reviewer: () => Promise.resolve(strict) })).answer(ask(UNDO), place, neverCancelled);
    assert.doesNotMatch(refused.text, /git reset --soft/);
    assert.ok(refused.constitution.violations.some((v) => /resembles an output rejected before/.test(v)), JSON.stringify(refused.constitution));
  });
});
