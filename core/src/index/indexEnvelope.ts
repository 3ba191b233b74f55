import { ByteReader } from './byteReader';
import { LITTLE_ENDIAN_HOST } from './byteWriter';
import type { ByteWriter } from './byteWriter';
import { crc32 } from './crc32';
import { IndexFormatError } from './indexFormatError';

/** The first bytes of every serialized index ("ALIX"). */
const MAGIC = 0x58494c41;
/** Bytes before the payload; pass it to `new ByteWriter(INDEX_HEADER_BYTES, …)` and hand the writer to sealIndex. */
export const INDEX_HEADER_BYTES = 20;
const HEADER_BYTES = INDEX_HEADER_BYTES;

/** Which index a file holds: a four-letter tag such as `BM25` or `ATTR`. */
export type IndexKind = 'BM25' | 'ATTR';

const tagOf = (kind: string) => kind.charCodeAt(0) | (kind.charCodeAt(1) << 8) | (kind.charCodeAt(2) << 16) | (kind.charCodeAt(3) << 24);

/**
 * Frames the payload a writer holds after its reserved header bytes: magic, kind, format version, payload length and CRC-32, all little-endian u32. The length and
 * checksum make a torn or bit-flipped file a typed error instead of a silently wrong index.
 */
export function sealIndex(kind: IndexKind, version: number, writer: ByteWriter): Uint8Array {
  const out = writer.finish();
  const payload = out.subarray(HEADER_BYTES);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, tagOf(kind) >>> 0, true);
  view.setUint32(8, version, true);
  view.setUint32(12, payload.length, true);
  view.setUint32(16, crc32(payload), true);
  return out;
}

/** Checks the frame written by {@link sealIndex} and returns a reader over the payload. */
export function openIndex(bytes: Uint8Array, kind: IndexKind, version: number): ByteReader {
  if (!LITTLE_ENDIAN_HOST) throw new TypeError('index files are little-endian; this host is big-endian');
  if (bytes.length < HEADER_BYTES) throw new IndexFormatError('INDEX_TRUNCATED', `${bytes.length} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFormatError('INDEX_BAD_MAGIC', 'not an ArenaLab index (bad magic number)');
  if (view.getUint32(4, true) !== tagOf(kind) >>> 0) throw new IndexFormatError('INDEX_KIND', `expected a ${kind} index`);
  const found = view.getUint32(8, true);
  if (found !== version) throw new IndexFormatError('INDEX_VERSION', `format version ${found}, this build reads version ${version}`);
  const length = view.getUint32(12, true);
  if (bytes.length - HEADER_BYTES !== length) throw new IndexFormatError('INDEX_TRUNCATED', `payload is ${bytes.length - HEADER_BYTES} bytes, header says ${length}`);
  const payload = bytes.subarray(HEADER_BYTES);
  if (crc32(payload) !== view.getUint32(16, true)) throw new IndexFormatError('INDEX_CHECKSUM', 'checksum mismatch (the file is corrupt)');
  return new ByteReader(payload);
}
