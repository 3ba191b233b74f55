import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HashingEmbedder, neverCancelled, TrajectoryMatcher } from '@arenalab/core';
import { saveTeamDataset } from './apiTestSupport.test';
import { conversationContext, MatcherChatBackend } from './matcherChatBackend';

describe('api: MatcherChatBackend over a real dataset', function () {
  this.timeout(30_000);
  let backend: MatcherChatBackend;
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-chat-'));
    try {
      backend = new MatcherChatBackend(await TrajectoryMatcher.create(await saveTeamDataset(dir), new HashingEmbedder()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a question asked before by majority, with its span as provenance', async () => {
    const answer = await backend.answer([{ role: 'user', content: 'how do I sort an array of numbers in javascript numerically' }], {}, neverCancelled);
    assert.equal(answer.method, 'majority_vote');
    assert.match(answer.text, /^Use Array\.prototype\.sort/);
    assert.ok(answer.confidence > 0.4, `confidence ${answer.confidence}`);
    assert.equal(answer.provenance[0].questionOverlap, 1);
  });

  it('labels an answer to a different question of the same domain a guess, with a low confidence', async () => {
    const answer = await backend.answer([{ role: 'user', content: 'How do I debounce a click handler in JavaScript?' }], {}, neverCancelled);
    assert.equal(answer.method, 'uncertain');
    assert.match(answer.text, /^I'm not sure: no past question was close to this one\. The nearest \("How do I/);
    assert.ok(answer.confidence < 0.2, `confidence ${answer.confidence}`);
  });

  it('reads the conversation like chat import: a follow-up keeps the earlier domain, earlier turns are previous actions', () => {
    const { question, context } = conversationContext([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'How can I reverse a string in Python?' },
      { role: 'assistant', content: 'Use s[::-1].' },
      { role: 'user', content: 'And a list?' },
    ]);
    assert.equal(question, 'And a list?');
    assert.deepEqual(context, { environment: 'programming/python', previous_actions: ['ask_question'], previous_outcomes: ['completed'] });
  });
});
