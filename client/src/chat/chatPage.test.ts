import { strict as assert } from 'node:assert';
import { parseChatViewMessage, renderChatPage } from './chatPage';

describe('chat page', () => {
  it('allows only its own nonce-tagged script and style and nothing remote', () => {
    const html = renderChatPage('n0nce', 'https://webview.test');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.equal(csp, "default-src 'none'; style-src https://webview.test 'nonce-n0nce'; script-src 'nonce-n0nce';");
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.match(html, /<script nonce="n0nce">/);
    assert.doesNotMatch(html, /https?:\/\/(?!webview\.test)/, 'no remote resource');
  });

  it('accepts only well-formed messages from the view', () => {
    assert.deepEqual(parseChatViewMessage({ type: 'ask', text: 'hi' }), { type: 'ask', text: 'hi' });
    assert.deepEqual(parseChatViewMessage({ type: 'rate', answerId: 'a', rating: 'down', index: NaN }), { type: 'rate', answerId: 'a', rating: 'down' });
    assert.deepEqual(parseChatViewMessage({ type: 'openSource', answerId: 'a', index: 2 }), { type: 'openSource', answerId: 'a', index: 2 });
    for (const bad of [null, 'ask', { type: 'ask' }, { type: 'rate', answerId: 'a', rating: 'meh' }, { type: 'openSource', answerId: 'a', index: -1 }, { type: 'openSource', answerId: 'a', index: 1.5 }, { type: 'eval' }]) {
      assert.equal(parseChatViewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
