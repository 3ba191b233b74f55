import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { MAX_CHAT_MESSAGE_CHARS } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import type { ChatResult } from '@arenalab/protocol';
import { leakedSecrets, PRINT_KEY_PROGRAM, writePlantedSecretsWorkspace } from '../../answering/plantedSecretsTestSupport';
import { SpanStore } from '../../store';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// arenalab/chat and arenalab/chatFeedback through the real server over stdio, on a store of imported chat turns.
const repoRoot = path.resolve(__dirname, '../../../..');
const CORPUS = path.join(repoRoot, 'test-fixtures', 'chat', 'qa-corpus.jsonl');

async function storedSpans(dir: string): Promise<Span[]> {
  const store = await SpanStore.open(dir, { mode: 'read' });
  try {
    const spans: Span[] = [];
    for await (const span of store.spans()) spans.push(span);
    return spans;
  } finally {
    await store.close();
  }
}

describe('arenalab lsp --stdio: arenalab/chat (protocol test)', function () {
  let workspace: string;
  let storeDir: string;
  let server: TestServer;
  const ask = (...questions: string[]) => server.client.sendRequest<ChatResult>('arenalab/chat', { messages: questions.map((content) => ({ role: 'user', content })), conversationId: 'c1' });

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-chat-'));
    storeDir = path.join(workspace, '.arenalab');
    fs.writeFileSync(path.join(workspace, 'notes.ts'), 'export const answer = 42;\n');
    // A GitHub token shape the secret detectors know (not a real token).
    fs.writeFileSync(path.join(workspace, 'deploy.ts'), "export const token = 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789';\n");
    writePlantedSecretsWorkspace(workspace);
    execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'ingest', CORPUS, '--format', 'chat', '--store', storeDir], { stdio: 'pipe' });
    server = startTestServer(workspace);
    await initializeTestServer(server, [workspace]);
    await server.logged(/recording suggestion outcomes in/);
  });

  after(async () => {
    await stopTestServer(server).catch(() => server.child.kill());
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('answers a question the imported turns answered, with confidence, method and the spans it came from', async () => {
    const answer = await ask('How do I undo my last git commit and keep my changes?');
    assert.equal(answer.method, 'majority', JSON.stringify(answer));
    assert.match(answer.text, /git reset --soft HEAD~1/);
    assert.ok(answer.confidence > 0.4 && answer.confidence <= 1, String(answer.confidence));
    assert.ok(answer.provenance.length >= 2, JSON.stringify(answer.provenance));
    for (const source of answer.provenance) {
      assert.match(source.spanId, /\S/);
      assert.ok(source.similarity > 0 && source.similarity <= 1);
      assert.equal((source.span as Span).id, source.spanId, 'each source carries its span');
      assert.equal((source.span as Span).did, 'ask_question');
    }
    assert.deepEqual(answer.toolCalls, []);
    assert.match(answer.answerId, /\S/);
  });

  it('says it does not know when no past question is close, with confidence 0', async () => {
    const answer = await ask('What is the capital of Mongolia?');
    assert.equal(answer.method, 'no_match');
    assert.equal(answer.confidence, 0);
    assert.deepEqual(answer.provenance, []);
  });

  it('answers a calculation with the calculator: the tool call is shown and the provenance is the tool', async () => {
    const answer = await ask('what is 17 * 23');
    assert.equal(answer.method, 'tool_synthesis', JSON.stringify(answer));
    assert.match(answer.text, /391/);
    assert.equal(answer.toolCalls.length, 1);
    const [call] = answer.toolCalls;
    assert.equal(call.tool, 'calculator');
    assert.equal(call.success, true);
    assert.equal(call.output, '391');
    assert.ok(call.spanId, 'the tool use was stored');
    assert.deepEqual(answer.provenance.map((p) => p.spanId), ['tool']);
  });

  it('shows a file read by a tool with its secrets redacted, and says so', async () => {
    const answer = await ask('show me the file deploy.ts');
    assert.equal(answer.toolCalls[0]?.tool, 'read_file', JSON.stringify(answer));
    assert.ok(answer.toolCalls[0].success, JSON.stringify(answer.toolCalls));
    assert.match(answer.toolCalls[0].output, /export const token = '<redacted:[^>]+>'/);
    assert.doesNotMatch(JSON.stringify(answer), /ghp_0123456789/);
    assert.ok(answer.constitution.warnings.some((w) => /^no_secrets:/.test(w)), JSON.stringify(answer.constitution));
  });

  for (const [what, question, tool] of [
    ['a read file', 'show me the file lib/alpha.ts', 'read_file'],
    ['workspace_search hits', 'search the workspace for "accessKeyId"', 'workspace_search'],
    ['the output of code that prints an AWS key id', PRINT_KEY_PROGRAM, 'code_executor'],
  ] as const) {
    it(`shows ${what} with the AWS key id and the password redacted, and says so`, async () => {
      const answer = await ask(question);
      assert.equal(answer.toolCalls[0]?.tool, tool, JSON.stringify(answer));
      assert.ok(answer.toolCalls[0].success, JSON.stringify(answer.toolCalls));
      assert.deepEqual(leakedSecrets(JSON.stringify(answer)), [], JSON.stringify(answer));
      assert.match(answer.text, /<redacted:aws_access_key>/);
      assert.ok(answer.constitution.warnings.some((w) => /^no_secrets:.*aws_access_key/.test(w)), JSON.stringify(answer.constitution));
    });
  }

  it('refuses bad params with an InvalidParams error naming the problem, and keeps answering', async () => {
    await assert.rejects(server.client.sendRequest('arenalab/chat', { messages: [{ role: 'robot', content: 1 }] }), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, -32602);
      assert.match(error.message, /messages\[0\]\.role: expected one of user, assistant, system/);
      return true;
    });
    await assert.rejects(server.client.sendRequest('arenalab/chat', { messages: [] }), /messages: expected a non-empty list/);
    assert.equal((await ask('How do I undo my last git commit and keep my changes?')).method, 'majority');
  });

  it('refuses a message over the API\'s size limit with an InvalidParams error saying so, answers one at the limit, and keeps answering', async () => {
    const question = 'How do I undo my last git commit and keep my changes?';
    const over = question + ' '.repeat(MAX_CHAT_MESSAGE_CHARS - question.length + 1);
    await assert.rejects(ask('hello', over), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, -32602);
      assert.equal(error.message, `arenalab/chat: messages[1].content: ${MAX_CHAT_MESSAGE_CHARS + 1} characters long; the limit is ${MAX_CHAT_MESSAGE_CHARS}`);
      return true;
    });
    assert.equal((await ask(over.slice(0, MAX_CHAT_MESSAGE_CHARS))).method, 'majority', 'a message at the limit is answered');
    assert.equal((await ask(question)).method, 'majority');
  });

  it('stores 👍/👎 as rate_answer spans linked to the answer\'s sources (unknown answers logged, not stored), durable at shutdown', async () => {
    const answer = await ask('How do I undo my last git commit and keep my changes?');
    const tool = await ask('what is 2 + 2');
    await server.client.sendNotification('arenalab/chatFeedback', { answerId: answer.answerId, rating: 'up' });
    await server.client.sendNotification('arenalab/chatFeedback', { answerId: tool.answerId, rating: 'down', comment: 'my token is ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    await server.client.sendNotification('arenalab/chatFeedback', { answerId: 'nope', rating: 'up' });
    assert.match(await server.logged(/arenalab\/chatFeedback failed/), /unknown or forgotten answer "nope"/);
    await stopTestServer(server);
    const spans = await storedSpans(storeDir);
    const ratings = spans.filter((s) => s.did === 'rate_answer');
    assert.equal(ratings.length, 2, JSON.stringify(ratings));
    const [up, down] = ratings;
    assert.equal(up.status, 'completed');
    assert.equal(up.metadata?.rating, 'up');
    assert.equal(up.metadata?.answer_id, answer.answerId);
    assert.equal(up.this, 'How do I undo my last git commit and keep my changes?');
    assert.deepEqual(up.context?.previous_spans, answer.provenance.map((p) => p.spanId));
    assert.equal(down.status, 'failed');
    assert.equal(down.if_not, tool.text);
    assert.deepEqual(down.context?.previous_spans, [tool.toolCalls[0].spanId]);
    assert.doesNotMatch(String(down.metadata?.comment), /ghp_a/, 'the comment was redacted');
    assert.ok(spans.some((s) => s.did === 'use_tool' && s.id === tool.toolCalls[0].spanId), 'the tool use is a span too');
  });
});
