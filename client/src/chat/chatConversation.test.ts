import { strict as assert } from 'node:assert';
import type { ChatResult } from '@arenalab/protocol';
import { ChatConversation } from './chatConversation';

const result = (answerId: string, text: string): ChatResult => ({
  text, confidence: 0.5, method: 'majority', answerId, toolCalls: [], constitution: { violations: [], warnings: [] },
  provenance: [{ spanId: 's1', similarity: 0.9, snippet: text }],
});

describe('ChatConversation', () => {
  it('sends the whole conversation (errors are not messages) and takes no question while one is pending', () => {
    const chat = new ChatConversation('c');
    assert.deepEqual(chat.ask('  first?  '), [{ role: 'user', content: 'first?' }]);
    assert.equal(chat.busy, true);
    assert.equal(chat.ask('too soon'), undefined);
    chat.failed('server down');
    assert.equal(chat.busy, false);
    chat.ask('second?');
    chat.answered(result('a1', 'answer two'));
    assert.deepEqual(chat.ask('third?'), [
      { role: 'user', content: 'first?' },
      { role: 'user', content: 'second?' },
      { role: 'assistant', content: 'answer two' },
      { role: 'user', content: 'third?' },
    ]);
    assert.deepEqual(chat.entries.map((e) => e.kind), ['question', 'error', 'question', 'answer', 'question']);
  });

  it('ignores a blank question', () => {
    const chat = new ChatConversation('c');
    assert.equal(chat.ask('   \n'), undefined);
    assert.equal(chat.busy, false);
    assert.deepEqual(chat.entries, []);
  });

  it('rates an answer once, and finds its sources by position', () => {
    const chat = new ChatConversation('c');
    chat.ask('q');
    chat.answered(result('a1', 'x'));
    assert.equal(chat.rate('a1', 'up'), true);
    assert.equal(chat.rate('a1', 'down'), false, 'a second rating is not reported');
    assert.equal(chat.rate('unknown', 'up'), false);
    assert.equal(chat.source('a1', 0)?.spanId, 's1');
    assert.equal(chat.source('a1', 1), undefined);
  });
});
