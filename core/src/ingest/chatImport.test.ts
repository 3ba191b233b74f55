import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatRecordProblem } from '../spans/recordProblem';
import { validateSpan } from '../spans/validateSpan';
import type { ChatConversation } from './chatConversation';
import { chatConversationToSpans, UNANSWERED } from './chatConversationToSpans';
import { detectIngestFormat } from './detectIngestFormat';
import { importChat } from './importChat';
import { parseChatGptExport } from './parseChatGptExport';
import { parseOpenAiChatJsonl } from './parseOpenAiChatJsonl';

const fixtures = path.resolve(__dirname, '../../../test-fixtures/chat');
const DEFAULT_WHEN = '2000-01-01T00:00:00.000Z';

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
function assertGolden(name: string, actual: unknown): void {
  const file = path.join(fixtures, name);
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
  assert.equal(text, fs.readFileSync(file, 'utf8'));
}

function read(name: string): Uint8Array {
  return fs.readFileSync(path.join(fixtures, name));
}

function importFixture(name: string, format: 'chat' | 'chatgpt-export') {
  const result = importChat(read(name), name, format, { defaultWhen: DEFAULT_WHEN });
  return { spans: result.spans, problems: result.problems.map(formatRecordProblem) };
}

describe('chat import', () => {
  it('OpenAI JSONL → spans and problems (golden)', () => {
    const result = importFixture('openai.jsonl', 'chat');
    assert.match(result.problems[0], /^openai\.jsonl:5: -: malformed JSON: /);
    assert.deepEqual(result.problems.slice(1), [
      'openai.jsonl:6: messages: is required',
      'openai.jsonl:7: messages.0.content: must be a string or an array of text parts, got number 42',
      'openai.jsonl:8: messages: has no user message with text',
    ]);
    assertGolden('openai.expected.json', result);
  });

  it('ChatGPT export → spans of the active branch only (golden)', () => {
    const result = importFixture('conversations.json', 'chatgpt-export');
    const questions = result.spans.map((span) => span.this);
    assert.ok(!questions.includes('what about compose'), 'an edited-away branch must not be imported');
    assert.ok(!result.spans.some((span) => span.if_ok?.includes('abandoned')));
    assert.deepEqual(result.problems, [
      'conversations.json:conversation 3: current_node: must name a node of mapping, got nothing',
      'conversations.json:conversation 4: mapping: parent links form a cycle at node "n2"',
      'conversations.json:conversation 5: -: must be a conversation object, got "not a conversation"',
    ]);
    assertGolden('conversations.expected.json', result);
  });

  it('re-importing the same file gives the same span ids', () => {
    const once = importFixture('conversations.json', 'chatgpt-export').spans.map((span) => span.id);
    const twice = importFixture('conversations.json', 'chatgpt-export').spans.map((span) => span.id);
    assert.deepEqual(once, twice);
    assert.equal(new Set(once).size, once.length);
  });

  it('builds spans as the seed ingestChatLog: one per user turn, answers joined, history linked', () => {
    const conv: ChatConversation = {
      id: 'c1', line: 1, unit: 'line', messages: [
        { role: 'system', content: 'be nice' },
        { role: 'assistant', content: 'Hi! (greeting before any question)' },
        { role: 'user', content: 'How do I rebase in git?' },
        { role: 'assistant', content: 'git rebase main' },
        { role: 'assistant', content: 'then force-push' },
        { role: 'user', content: 'and if it conflicts?' },
        { role: 'user', content: 'hello?' },
      ],
    };
    const spans = chatConversationToSpans(conv, { defaultWhen: DEFAULT_WHEN, who: 'ana' });
    assert.equal(spans.length, 3);
    assert.deepEqual(spans.map((s) => [s.did, s.who, s.source, s.status, s.when]), [
      ['ask_question', 'ana', 'chat_import', 'completed', DEFAULT_WHEN],
      ['ask_question', 'ana', 'chat_import', 'failed', DEFAULT_WHEN],
      ['ask_question', 'ana', 'chat_import', 'failed', DEFAULT_WHEN],
    ]);
    assert.equal(spans[0].if_ok, 'git rebase main\n\nthen force-push');
    assert.equal(spans[2].if_not, UNANSWERED);
    assert.deepEqual(spans[2].context?.previous_spans, [spans[0].id, spans[1].id]);
    assert.deepEqual(spans[2].context?.previous_outcomes, ['completed', 'failed']);
    assert.equal(spans[0].context?.environment, 'programming/git');
    assert.equal(spans[1].context?.environment, 'programming/git', 'a follow-up keeps the conversation domain');
    assert.deepEqual(spans[1].metadata, { conversation_id: 'c1', turn: 2 });
    for (const span of spans) assert.ok(validateSpan(span).ok);
  });

  it('derives a content id for conversations without one, stable across re-reads', () => {
    const line = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }));
    const a = parseOpenAiChatJsonl(line, 'x').conversations[0].id;
    assert.match(a, /^h[0-9a-f]{16}$/);
    assert.equal(parseOpenAiChatJsonl(line, 'x').conversations[0].id, a);
  });

  it('accepts a single exported conversation object and reports non-JSON exports', () => {
    const one = JSON.parse(fs.readFileSync(path.join(fixtures, 'conversations.json'), 'utf8'))[1];
    assert.equal(parseChatGptExport(Buffer.from(JSON.stringify(one)), 'one.json').conversations.length, 1);
    const broken = parseChatGptExport(Buffer.from('[{"mapping":'), 'broken.json');
    assert.equal(broken.conversations.length, 0);
    assert.match(formatRecordProblem(broken.problems[0]), /^broken\.json: -: malformed JSON: /);
    assert.deepEqual(parseChatGptExport(Buffer.from('{"a":1}'), 'o.json').problems.map(formatRecordProblem), [
      'o.json: -: must be an array of conversations, got an object',
    ]);
  });
});

describe('detectIngestFormat', () => {
  it('recognises each fixture format', () => {
    assert.equal(detectIngestFormat('conversations.json', read('conversations.json')), 'chatgpt-export');
    assert.equal(detectIngestFormat('openai.jsonl', read('openai.jsonl')), 'chat');
    const spans = fs.readFileSync(path.resolve(fixtures, '../spans/valid.jsonl'));
    assert.equal(detectIngestFormat('valid.jsonl', spans), 'spans');
    assert.equal(detectIngestFormat('export.json', Buffer.from('[{"title":"t","mapping":{}}]')), 'chatgpt-export');
  });

  it('says unknown for binary, empty and unrelated input', () => {
    assert.equal(detectIngestFormat('x.jsonl', Buffer.from([0x7b, 0, 1])), 'unknown');
    assert.equal(detectIngestFormat('x.jsonl', new Uint8Array(0)), 'unknown');
    assert.equal(detectIngestFormat('notes.txt', Buffer.from('hello world')), 'unknown');
    assert.equal(detectIngestFormat('x.jsonl', Buffer.from('{"a":1}\n')), 'unknown');
  });
});
