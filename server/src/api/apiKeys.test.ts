import { strict as assert } from 'node:assert';
import { ApiConfigError } from './apiConfigError';
import { ApiError } from './apiError';
import { ANONYMOUS_KEY_ID, ApiKeys, keyIdOf, keysFromEnv, parseKeysFile } from './apiKeys';
import { isLoopbackHost } from './loopbackHost';

const status = (fn: () => unknown): string | null | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code}` : String(error);
  }
};

describe('api: API keys and loopback', () => {
  it('reads a keys file (comments, blank lines) and refuses a mangled line with its position', () => {
    assert.deepEqual(parseKeysFile('# team keys\n\nsk-alpha-123456\r\n  sk-beta-1234567  \n', 'keys.txt'), ['sk-alpha-123456', 'sk-beta-1234567']);
    assert.throws(() => parseKeysFile('sk-ok-12345678\nshort\n', 'keys.txt'), (e: unknown) => e instanceof ApiConfigError && e.message.startsWith('keys.txt:2:'));
    assert.throws(() => parseKeysFile('two words here\n', 'k'), ApiConfigError);
    assert.deepEqual(keysFromEnv(' a-key-1234, ,b-key-5678 '), ['a-key-1234', 'b-key-5678']);
    assert.deepEqual(keysFromEnv(undefined), []);
  });

  it('authenticates Bearer keys to a key id that does not reveal the key', () => {
    const keys = new ApiKeys(['sk-alpha-123456', 'sk-beta-1234567']);
    assert.equal(keys.authenticate('Bearer sk-beta-1234567'), keyIdOf('sk-beta-1234567'));
    assert.equal(keys.authenticate('bearer   sk-alpha-123456 '), keyIdOf('sk-alpha-123456'));
    assert.match(keyIdOf('sk-alpha-123456'), /^key_[0-9a-f]{12}$/);
    assert.ok(!keyIdOf('sk-alpha-123456').includes('alpha'));
    assert.equal(status(() => keys.authenticate(undefined)), '401 missing_api_key');
    assert.equal(status(() => keys.authenticate('Bearer sk-alpha-12345')), '401 invalid_api_key');
    assert.equal(status(() => keys.authenticate('sk-alpha-123456')), '401 invalid_api_key');
    assert.equal(new ApiKeys([]).authenticate(undefined), ANONYMOUS_KEY_ID);
  });

  it('tells loopback addresses from reachable ones', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
  });
});
