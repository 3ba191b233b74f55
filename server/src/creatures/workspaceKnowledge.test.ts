import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreatureRequestError, fixedClock, neverCancelled } from '@arenalab/core';
import type { CreaturePrediction, WorkspaceKnowledgeCreature } from '@arenalab/core';
import { openWorkspaceKnowledge } from './openWorkspaceKnowledge';

// The workspace knowledge creature on this repository: the checkout the tests run in, with its git history.
const repoRoot = path.resolve(__dirname, '../../..');

async function ask(creature: WorkspaceKnowledgeCreature, question: string): Promise<CreaturePrediction> {
  return creature.predict({ kind: 'chat', messages: [{ role: 'user', content: question }] }, neverCancelled);
}

function lineOf(file: string, needle: string): number {
  return fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('workspace knowledge creature on this repository', function () {
  this.timeout(120_000);
  let creature: WorkspaceKnowledgeCreature;

  before(async () => {
    // This file is left out: it holds the questions, so every question would find itself.
    creature = await openWorkspaceKnowledge(repoRoot, { clock: fixedClock(0), files: { excludes: ['/server/src/creatures/*.test.ts'] } }, neverCancelled);
  });

  it('answers where the span store fsyncs with spanStore.ts and a line about it', async () => {
    const answer = await ask(creature, "Where is the span store's fsync?");
    assert.equal(answer.method, 'code_search');
    assert.ok(answer.confidence >= creature.showThreshold, `confidence ${answer.confidence}`);
    const first = answer.provenance[0];
    assert.equal(first.file, 'server/src/store/spanStore.ts');
    assert.match(first.snippet ?? '', /fsync/);
    assert.equal(fs.readFileSync(path.join(repoRoot, first.file), 'utf8').split('\n')[first.line! - 1].trim(), first.snippet);
    assert.ok(answer.output.includes(`server/src/store/spanStore.ts:${first.line}`), answer.output);
  });

  it('says where a class is defined (its tree-sitter extent) and where it is used', async () => {
    const answer = await ask(creature, 'Where is SpanStore defined?');
    assert.equal(answer.method, 'definition');
    const defined = lineOf('server/src/store/spanStore.ts', 'export class SpanStore');
    assert.ok(answer.output.includes(`server/src/store/spanStore.ts:${defined}–`), answer.output);
    assert.ok(answer.provenance.length > 1, 'usages listed');
  });

  it('answers how to run the tests from package.json scripts', async () => {
    const answer = await ask(creature, 'How do I run the tests?');
    assert.equal(answer.method, 'build_command');
    assert.ok(answer.output.includes('`npm test`'), answer.output);
    assert.ok(answer.output.includes(`package.json:${lineOf('package.json', '"test":')}`), answer.output);
  });

  it('explains a function from its doc comment', async () => {
    const answer = await ask(creature, 'What does readGitHistory do?');
    assert.equal(answer.method, 'doc_comment');
    assert.match(answer.output, /Streams the history of the git repository/);
    assert.equal(answer.provenance[0].file, 'server/src/ingest/gitHistory.ts');
  });

  it('says who changed a file from the git history', async () => {
    const answer = await ask(creature, 'Who changed spanStore.ts last?');
    assert.equal(answer.method, 'git_history');
    const newest = execFileSync('git', ['log', '-1', '--first-parent', '--format=%H', '--', 'server/src/store/spanStore.ts'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    assert.equal(answer.provenance[0].commit, newest);
  });

  it('reads the history of a folder inside a repository with paths relative to the folder', async () => {
    const folder = await openWorkspaceKnowledge(path.join(repoRoot, 'server', 'src', 'store'), { clock: fixedClock(0) }, neverCancelled);
    const answer = await ask(folder, 'Who changed spanStore.ts last?');
    assert.equal(answer.method, 'git_history');
    assert.equal(answer.provenance[0].file, 'spanStore.ts');
    const newest = execFileSync('git', ['log', '-1', '--first-parent', '--format=%H', '--', 'server/src/store/spanStore.ts'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    assert.equal(answer.provenance[0].commit, newest);
  });

  it('is not sure about a question nothing in the repository answers', async () => {
    const answer = await ask(creature, 'How long should I knead pizza dough?');
    assert.equal(answer.method, 'not_sure');
    assert.ok(answer.confidence < creature.showThreshold);
    assert.match(answer.output, /^I'm not sure/);
  });

  it('refuses a code request and a conversation without a question', async () => {
    await assert.rejects(creature.predict({ kind: 'code', file: 'a.ts', language: 'typescript', prefix: '', suffix: '' }, neverCancelled), CreatureRequestError);
    await assert.rejects(creature.predict({ kind: 'chat', messages: [{ role: 'assistant', content: 'hi' }] }, neverCancelled), CreatureRequestError);
  });

  it('reads a folder that is no git repository: its doc comment, Makefile target and README section, no history', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-knowledge-'));
    try {
      fs.writeFileSync(path.join(dir, 'README.md'), '# Tool\n\n## Deploying\n\nCopy the binary to the server with rsync.\n');
      fs.writeFileSync(path.join(dir, 'Makefile'), 'check:\n\tgo vet ./...\n');
      fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\n// Serve answers requests until stopped.\nfunc Serve() {}\n');
      const small = await openWorkspaceKnowledge(dir, { clock: fixedClock(0) }, neverCancelled);
      assert.match((await ask(small, 'What does Serve do?')).output, /answers requests until stopped/);
      assert.match((await ask(small, 'How do I check the code?')).output, /`make check`/);
      assert.equal((await ask(small, 'Who changed main.go?')).method, 'not_sure');
      const deploy = await ask(small, 'deploying with rsync');
      assert.equal(deploy.method, 'readme');
      assert.equal(deploy.provenance[0].file, 'README.md');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
