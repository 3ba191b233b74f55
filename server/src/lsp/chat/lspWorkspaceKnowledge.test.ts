import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Span } from '@arenalab/core';
import type { ChatResult } from '@arenalab/protocol';
import { SpanStore } from '../../store';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// arenalab/chat through the real server over stdio on a fresh workspace: nothing imported, no store, so every answer
// about the code comes from the workspace knowledge creature.
const CACHE = [
  'export class LruCache<V> {',
  '  private readonly entries = new Map<string, V>();',
  '',
  '  /** Drops the least recently used entry once the cache holds more than its capacity. */',
  '  evict(): void {',
  '    const oldest = this.entries.keys().next();',
  '    if (!oldest.done) this.entries.delete(oldest.value);',
  '  }',
  '}',
  '',
].join('\n');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

describe('arenalab lsp --stdio: arenalab/chat answers code questions on a fresh workspace (protocol test)', function () {
  this.timeout(120_000);
  let workspace: string;
  let server: TestServer;
  const ask = (question: string) => server.client.sendRequest<ChatResult>('arenalab/chat', { messages: [{ role: 'user', content: question }], conversationId: 'k1' });

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-knowledge-lsp-'));
    fs.mkdirSync(path.join(workspace, 'src'));
    fs.writeFileSync(path.join(workspace, 'src', 'cache.ts'), CACHE);
    fs.writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'cache', scripts: { test: 'node --test', build: 'tsc -p .' } }, null, 2) + '\n');
    git(workspace, 'init', '-q');
    git(workspace, 'add', '.');
    git(workspace, 'commit', '-q', '-m', 'Cache: an LRU cache with eviction');
    server = startTestServer(workspace);
    await initializeTestServer(server, [workspace]);
  });

  after(async () => {
    await stopTestServer(server).catch(() => server.child.kill());
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('says where a class is defined, with the file and its line', async () => {
    const answer = await ask('Where is LruCache defined?');
    assert.equal(answer.method, 'definition', JSON.stringify(answer));
    assert.match(answer.text, /`LruCache` \(class\) at src\/cache\.ts:1–9/);
    assert.equal(answer.provenance[0].file, 'src/cache.ts');
    assert.equal(answer.provenance[0].line, 0, 'protocol lines are 0-based');
  });

  it('explains a method from its doc comment', async () => {
    const answer = await ask('What does evict do?');
    assert.equal(answer.method, 'doc_comment', JSON.stringify(answer));
    assert.match(answer.text, /Drops the least recently used entry/);
  });

  it('answers how to run the tests from package.json', async () => {
    const answer = await ask('how do I run the tests?');
    assert.equal(answer.method, 'build_command', JSON.stringify(answer));
    assert.match(answer.text, /`npm test` \(npm script, package\.json:\d+\): runs `node --test`/);
  });

  it('says who changed a file from its git history', async () => {
    const answer = await ask('who changed src/cache.ts?');
    assert.equal(answer.method, 'git_history', JSON.stringify(answer));
    assert.match(answer.text, /last changed by Ada Lovelace/);
    assert.match(answer.text, /Cache: an LRU cache with eviction/);
  });

  it('does not answer from the code in Restricted Mode, where chat reads no files', async () => {
    const restricted = startTestServer(workspace);
    try {
      await initializeTestServer(restricted, [workspace], { trusted: false });
      const answer = await restricted.client.sendRequest<ChatResult>('arenalab/chat', { messages: [{ role: 'user', content: 'What does evict do?' }], conversationId: 'k2' });
      assert.equal(answer.method, 'no_match', JSON.stringify(answer));
      assert.doesNotMatch(answer.text, /src\/cache\.ts|least recently used/);
    } finally {
      await stopTestServer(restricted).catch(() => restricted.child.kill());
    }
  });

  it('records a rating of a code answer with no span as its source (its sources are lines of files)', async () => {
    const answer = await ask('What does evict do?');
    assert.equal(answer.method, 'doc_comment');
    await server.client.sendNotification('arenalab/chatFeedback', { answerId: answer.answerId, rating: 'up' });
    await stopTestServer(server);
    const store = await SpanStore.open(path.join(workspace, '.arenalab'), { mode: 'read' });
    const ratings: Span[] = [];
    try {
      for await (const span of store.spans()) if (span.did === 'rate_answer') ratings.push(span);
    } finally {
      await store.close();
    }
    assert.equal(ratings.length, 1);
    assert.equal(ratings[0].metadata?.answer_id, answer.answerId);
    assert.deepEqual(ratings[0].context?.previous_spans, []);
  });
});
