const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Value of each base64 / base64url character, -1 for anything else. */
const VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  table['+'.charCodeAt(0)] = 62;
  table['-'.charCodeAt(0)] = 62;
  table['/'.charCodeAt(0)] = 63;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

/**
 * Decodes base64url (or plain base64, padded or not) into a string of Latin-1 characters, one
 * per byte; `undefined` when the input is not valid base64. Written by hand because core must
 * not use Node's `Buffer`; Latin-1 is enough to recognise the ASCII JSON of a JWT header.
 */
export function decodeBase64Url(text: string): string | undefined {
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  let bits = 0;
  let bitCount = 0;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? VALUES[code] : -1;
    if (value < 0) return undefined;
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out += String.fromCharCode((bits >> bitCount) & 0xff);
    }
  }
  return out;
}
