import { sha256 as nobleSha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. Pure JS so that core needs no Node built-ins. */
export function sha256Hex(text: string): string {
  return bytesToHex(nobleSha256(utf8ToBytes(text)));
}

/** SHA-256 of raw bytes, as lowercase hex. */
export function sha256BytesHex(bytes: Uint8Array): string {
  return bytesToHex(nobleSha256(bytes));
}
