import { strict as assert } from 'node:assert';
import { PICTOGRAPH } from '../shared/icons';
import type { ChatResult } from '@arenalab/protocol';
import type { ChatEntry } from './chatConversation';
import { answerTextHtml, chatSourceLabel, confidenceBand, renderChatEntries } from './chatHtml';

const answer: ChatResult = {
  text: 'Run `git reset --soft HEAD~1` <now> & "keep" it',
  confidence: 0.734,
  method: 'majority',
  provenance: [
    { spanId: 'chat:undo-1:1', similarity: 0.91, snippet: 'Run git reset', question: 'How do I <undo>?' },
    { spanId: 'code-1', similarity: 0.5, snippet: 'x', file: 'src/a.ts', line: 9 },
  ],
  toolCalls: [],
  constitution: { violations: [], warnings: ['humility: no sources <b>'] },
  answerId: 'a"1',
};

const toolAnswer: ChatResult = {
  text: '17 * 23 = 391', confidence: 0.7, method: 'tool_synthesis',
  provenance: [{ spanId: 'tool', similarity: 1, snippet: '391' }],
  toolCalls: [{ tool: 'calculator', args: { expression: '17 * 23 <x>' }, success: true, output: '391' }],
  constitution: { violations: [], warnings: [] }, answerId: 'a2',
};

/** Everything inside tags removed: what a reader sees. */
const visible = (html: string) => html.replace(/<[^>]*>/g, '');

describe('chat panel HTML', () => {
  it('escapes every text from the server and the user: no tag or attribute can be injected', () => {
    const entries: ChatEntry[] = [{ kind: 'question', text: '<img src=x onerror=alert(1)>' }, { kind: 'answer', result: answer }, { kind: 'error', text: '<script>' }];
    const html = renderChatEntries(entries, false);
    assert.doesNotMatch(html, /<img|<script|<now>|<undo>|<b>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /data-answer-id="a&quot;1"/, 'attribute values are escaped too');
    assert.match(html, /<code>git reset --soft HEAD~1<\/code> &lt;now&gt; &amp; &quot;keep&quot; it/);
  });

  it('shows the confidence badge in its band, the method, the sources and the constitution\'s warnings', () => {
    const html = renderChatEntries([{ kind: 'answer', result: answer }], false);
    assert.match(html, /<span class="badge high" title="Confidence">73%<\/span>/);
    assert.match(html, />majority</);
    assert.match(visible(html), /2 sources/);
    assert.match(html, /91%<\/span> <a href="#" data-action="openSource" data-answer-id="a&quot;1" data-index="0" title="Show span chat:undo-1:1">“How do I &lt;undo&gt;\?”</);
    assert.match(html, /data-index="1" title="Open src\/a\.ts:10">src\/a\.ts:10</, 'lines shown 1-based');
    assert.match(visible(html), /humility: no sources &lt;b&gt;/);
  });

  it('shows a tool call with its arguments and output, and the tool as a source that opens nothing', () => {
    const html = renderChatEntries([{ kind: 'answer', result: toolAnswer }], false);
    assert.match(html, /<div class="tool"><span class="ok" title="succeeded">✓<\/span> <code>calculator<\/code> <code class="args">\{&quot;expression&quot;:&quot;17 \* 23 &lt;x&gt;&quot;\}<\/code><pre>391<\/pre><\/div>/);
    assert.match(html, /<li><span class="num"[^>]*>100%<\/span> <span>tool output<\/span><\/li>/);
    assert.doesNotMatch(html, /data-action="openSource"/);
  });

  it('offers 👍/👎 until the answer is rated, then says the rating was stored', () => {
    const unrated = renderChatEntries([{ kind: 'answer', result: toolAnswer }], false);
    assert.match(unrated, /data-action="rate" data-answer-id="a2" data-rating="up"/);
    assert.match(unrated, /data-action="rate" data-answer-id="a2" data-rating="down"/);
    const rated = renderChatEntries([{ kind: 'answer', result: toolAnswer, rating: 'down' }], false);
    assert.doesNotMatch(rated, /data-action="rate"/);
    assert.match(rated, /data-rated="down"><svg class="icon icon-thumbs-down" aria-hidden="true"[^>]*>.*<\/svg> Not helpful: thanks, stored/);
    assert.match(unrated, /data-rating="up" [^>]*><svg class="icon icon-thumbs-up"[^>]*>.*?<\/svg> Helpful<\/button>/);
  });

  it('draws its icons as inline SVG, with no emoji that would need an emoji font', () => {
    for (const entries of [[{ kind: 'answer' as const, result: toolAnswer }], [{ kind: 'answer' as const, result: toolAnswer, rating: 'up' as const }]]) {
      const html = renderChatEntries(entries, false);
      assert.doesNotMatch(html, PICTOGRAPH);
      assert.match(html, /<svg class="icon /);
    }
  });

  it('invites a question when empty and says it is thinking while an answer is pending', () => {
    assert.match(renderChatEntries([], false), /class="empty"/);
    assert.match(renderChatEntries([{ kind: 'question', text: 'q' }], true), /class="entry pending"[^>]*>Thinking…/);
    assert.doesNotMatch(renderChatEntries([{ kind: 'question', text: 'q' }], false), /pending/);
  });

  it('bands confidence as the seed does and labels sources', () => {
    assert.deepEqual([0.71, 0.7, 0.4, 0.39, 0].map(confidenceBand), ['high', 'medium', 'medium', 'low', 'low']);
    assert.equal(chatSourceLabel({ spanId: 's', similarity: 1, snippet: '', file: 'a.ts' }), 'a.ts');
    assert.equal(answerTextHtml('a `<b>` c'), 'a <code>&lt;b&gt;</code> c');
  });
});
