import { strict as assert } from 'node:assert';
import { parsePageMessage, renderCurationPage } from './curationPage';

const NONCE = 'bm9uY2Vub25jZW5vbmNlMTI=';

describe('curationPage', () => {
  it('allows only its own nonce-tagged script and style and nothing remote', () => {
    const html = renderCurationPage(NONCE, 'https://webview.test');
    const csp = /content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; img-src https://webview.test data:; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, new RegExp(`<script nonce="${NONCE.replace(/[+=]/g, '\\$&')}">`));
    assert.doesNotMatch(html, / on[a-z]+="/, 'no inline event handlers (the CSP would block them)');
    assert.doesNotMatch(html, /(src|href)="https?:/, 'no remote resources');
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => renderCurationPage('abc', 'x'), RangeError);
    assert.throws(() => renderCurationPage('"><script>alert(1)</script>xxxxxxxx', 'x'), RangeError);
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parsePageMessage({ type: 'verdict', verdict: 'diamond', elapsedMs: 812 }), { type: 'verdict', verdict: 'diamond', elapsedMs: 812 });
    assert.deepEqual(parsePageMessage({ type: 'rescore', context: 'a = b', metadata: 3 }), { type: 'rescore', context: 'a = b', metadata: '', confirmed_by: '' });
    assert.deepEqual(parsePageMessage({ type: 'next', extra: 1 }), { type: 'next' });
    for (const bad of [null, 'verdict', { type: 'verdict', verdict: 'diamond' }, { type: 'mode' }, { type: 'eval' }]) assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad));
  });
});
