import { strict as assert } from 'node:assert';
import { bypassesProxy, proxyFor } from './proxyFor';

const https = new URL('https://api.example.com/v1/chat/completions');
const http = new URL('http://llm.internal:11434/v1/chat/completions');

describe('proxyFor: which proxy an outgoing call uses', () => {
  it('goes direct with no setting and no environment', () => {
    assert.equal(proxyFor(https, { env: {} }), undefined);
  });

  it('takes HTTPS_PROXY for https targets and HTTP_PROXY for http ones, the lower-case name first', () => {
    const env = { HTTPS_PROXY: 'http://secure.proxy:3128', HTTP_PROXY: 'http://plain.proxy:3128' };
    assert.equal(proxyFor(https, { env })?.host, 'secure.proxy:3128');
    assert.equal(proxyFor(http, { env })?.host, 'plain.proxy:3128');
    assert.equal(proxyFor(https, { env: { ...env, https_proxy: 'http://lower.proxy:8080' } })?.host, 'lower.proxy:8080');
    assert.equal(proxyFor(https, { env: { HTTP_PROXY: 'http://plain.proxy:3128' } }), undefined);
  });

  it("lets the editor's http.proxy win over the environment, and reads host:port alone as http", () => {
    assert.equal(proxyFor(https, { httpProxy: 'http://editor.proxy:9000', env: { HTTPS_PROXY: 'http://env.proxy:1' } })?.host, 'editor.proxy:9000');
    assert.equal(proxyFor(https, { httpProxy: '  ', env: { HTTPS_PROXY: 'http://env.proxy:1' } })?.host, 'env.proxy:1');
    assert.equal(proxyFor(http, { env: { http_proxy: 'squid.corp:3128' } })?.href, 'http://squid.corp:3128/');
  });

  it('exempts what NO_PROXY names, for the setting too', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1' };
    assert.equal(proxyFor(https, { env: { ...env, NO_PROXY: 'example.com' } }), undefined);
    assert.equal(proxyFor(https, { httpProxy: 'http://p:2', env: { no_proxy: '.example.com' } }), undefined);
    assert.equal(proxyFor(http, { env: { ...env, NO_PROXY: 'localhost, llm.internal:11434' } }), undefined);
    assert.equal(proxyFor(http, { env: { ...env, NO_PROXY: 'llm.internal:80' } })?.host, 'p:1');
    assert.equal(proxyFor(https, { env: { ...env, NO_PROXY: 'ample.com' } })?.host, 'p:1');
  });

  it('matches NO_PROXY entries as curl does: *, names, .domains, *.domains, ports, IP addresses', () => {
    assert.equal(bypassesProxy(https, '*'), true);
    assert.equal(bypassesProxy(https, 'other.org api.example.com'), true);
    assert.equal(bypassesProxy(https, '*.example.com'), true);
    assert.equal(bypassesProxy(https, 'example.com:443'), true);
    assert.equal(bypassesProxy(https, 'example.com:8443'), false);
    assert.equal(bypassesProxy(new URL('http://127.0.0.1:8080/'), '127.0.0.1'), true);
    assert.equal(bypassesProxy(new URL('http://[::1]:8080/'), '[::1]'), true);
    assert.equal(bypassesProxy(https, ''), false);
    assert.equal(bypassesProxy(https, undefined), false);
  });

  it('refuses a proxy that is not http://, naming where it came from and never echoing it', () => {
    assert.throws(() => proxyFor(https, { httpProxy: 'socks5://user:secret@p:1080', env: {} }), (e: Error) => /^http\.proxy: only http:\/\/ proxies/.test(e.message) && !e.message.includes('secret'));
    assert.throws(() => proxyFor(https, { env: { HTTPS_PROXY: 'http://[bad' } }), /HTTPS_PROXY: not a proxy URL$/);
  });
});
