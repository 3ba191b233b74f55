import { IndexFormatError } from '../index/indexFormatError';
import { LITTLE_ENDIAN_HOST } from '../index/byteWriter';
import { align8, SectionReader, SectionWriter } from './byteSections';
import type { SectionEntry } from './byteSections';
import { CONTEXT_LEVELS, SHAPE_LEVELS, TOKEN_LEVELS } from './continuationIndex';
import type { ContinuationIndexOptions } from './continuationIndex';
import type { ContinuationIndexSnapshot, IndexSnapshotFile } from './continuationIndexSnapshot';
import { wordChecksum } from './wordChecksum';

/**
 * Bump whenever what an index holds for the same text changes (tokenizer, hash, levels, key layout), so an older
 * saved index is rebuilt rather than misread.
 */
export const COMPLETION_INDEX_FORMAT_VERSION = 2;

/** A saved completion index: the snapshot, what each file was on disk when read, and the host's own metadata. */
export interface SavedCompletionIndex {
  readonly snapshot: ContinuationIndexSnapshot;
  /** Per file (snapshot order) its size in bytes and modification time in ms when it was read; -1 when unknown. */
  readonly stamps: Float64Array;
  /** JSON-compatible data of the host (the roots and listing settings it was made for). */
  readonly meta: unknown;
}

const MAGIC_A = 0x424c5241; // "ARLB"
const MAGIC_B = 0x58444943; // "CIDX"
const HEADER_BYTES = 32;

interface Directory {
  meta: unknown;
  options: ContinuationIndexOptions;
  contextLevels: readonly number[];
  shapeLevels: readonly number[];
  tokenLevels: readonly number[];
  files: number;
  sections: SectionEntry[];
}

/** Offsets (files + 1 of them) of per-file arrays laid end to end, and the arrays joined. */
function joined(arrays: readonly Int32Array[]): { offsets: Uint32Array; all: Int32Array } {
  const offsets = new Uint32Array(arrays.length + 1);
  arrays.forEach((a, i) => (offsets[i + 1] = offsets[i] + a.length));
  const all = new Int32Array(offsets[arrays.length]);
  arrays.forEach((a, i) => all.set(a, offsets[i]));
  return { offsets, all };
}

/** Each text as UTF-8, end to end, with byte offsets (texts + 1 of them): a reader decodes one file when it needs it. */
function encodedTexts(texts: readonly string[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const encoder = new TextEncoder();
  const parts = texts.map((t) => encoder.encode(t));
  const offsets = new Uint32Array(texts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const bytes = new Uint8Array(offsets[texts.length]);
  parts.forEach((p, i) => bytes.set(p, offsets[i]));
  return { bytes, offsets };
}

/**
 * The saved index as one little-endian file: a 32-byte header (magic, format version, directory length, total length,
 * a 64-bit checksum of everything after the header), a JSON directory, then 8-byte aligned typed-array sections
 * (the postings as Float64Array runs, token streams and line tables as Int32Array, strings as UTF-8 blobs).
 */
export function encodeCompletionIndex(saved: SavedCompletionIndex): Uint8Array {
  const { snapshot } = saved;
  const files = snapshot.files;
  const tokens = joined(files.map((f) => f.tokens));
  const lineStarts = joined(files.map((f) => f.lineStarts));
  const texts = encodedTexts(files.map((f) => f.text));
  const sections = new SectionWriter()
    .strings('vocabulary', snapshot.vocabulary)
    .strings('paths', files.map((f) => f.path))
    .strings('languages', files.map((f) => f.language))
    .add('texts.utf8', texts.bytes).add('texts.offsets', texts.offsets)
    .add('tokens', tokens.all).add('tokenOffsets', tokens.offsets)
    .add('lineStarts', lineStarts.all).add('lineStartOffsets', lineStarts.offsets)
    .add('refBase', Int32Array.from(files, (f) => f.refBase))
    .add('tokenBase', Int32Array.from(files, (f) => f.tokenBase))
    .add('tokenFile', snapshot.tokenFile)
    .add('lineCount', Int32Array.from(files, (f) => f.lineCount))
    .add('alive', Uint8Array.from(files, (f) => (f.alive ? 1 : 0)))
    .add('refFile', snapshot.refFile)
    .add('stamps', saved.stamps);
  snapshot.postings.forEach((keys, level) => sections.add(`postings.${level}`, keys));
  snapshot.shapePostings.forEach((keys, level) => sections.add(`shapePostings.${level}`, keys));
  snapshot.tokenPostings.forEach((keys, level) => sections.add(`tokenPostings.${level}`, keys));
  const { entries, bytes } = sections.layout();
  const directory: Directory = {
    meta: saved.meta, options: snapshot.options, contextLevels: CONTEXT_LEVELS, shapeLevels: SHAPE_LEVELS, tokenLevels: TOKEN_LEVELS, files: files.length, sections: entries,
  };
  const json = new TextEncoder().encode(JSON.stringify(directory));
  const dataStart = HEADER_BYTES + align8(json.length);
  const out = new Uint8Array(dataStart + bytes);
  out.set(json, HEADER_BYTES);
  sections.writeInto(out, dataStart, entries);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC_A, true);
  view.setUint32(4, MAGIC_B, true);
  view.setUint32(8, COMPLETION_INDEX_FORMAT_VERSION, true);
  view.setUint32(12, json.length, true);
  view.setFloat64(16, out.length, true);
  const [a, b] = wordChecksum(new Uint32Array(out.buffer, HEADER_BYTES, (out.length - HEADER_BYTES) / 4));
  view.setUint32(24, a, true);
  view.setUint32(28, b, true);
  return out;
}

export interface DecodeOptions {
  /** Check the checksum (default true); a caller that already checked these exact bytes may skip it. */
  verify?: boolean;
}

/**
 * Reads what `encodeCompletionIndex` wrote. The typed arrays of the result are views into `bytes` (copied once first
 * when `bytes` is not 8-byte aligned). Anything wrong is an `IndexFormatError` saying what, never a RangeError.
 */
export function decodeCompletionIndex(input: Uint8Array, options: DecodeOptions = {}): SavedCompletionIndex {
  if (!LITTLE_ENDIAN_HOST) throw new TypeError('saved completion indexes are little-endian; this host is big-endian');
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const directory = readHeader(bytes, options.verify ?? true);
  const sections = new SectionReader(bytes, HEADER_BYTES + align8(new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true)), directory.sections);
  const snapshot = readSnapshot(sections, directory);
  const stamps = sections.get('stamps', 'f64');
  if (stamps.length !== 2 * directory.files) throw new IndexFormatError('INDEX_MALFORMED', 'stamps do not match the files');
  return { snapshot, stamps, meta: directory.meta };
}

function readHeader(bytes: Uint8Array, verify: boolean): Directory {
  if (bytes.length < HEADER_BYTES) throw new IndexFormatError('INDEX_TRUNCATED', `${bytes.length} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC_A || view.getUint32(4, true) !== MAGIC_B) throw new IndexFormatError('INDEX_BAD_MAGIC', 'not a saved ArenaLab completion index');
  const version = view.getUint32(8, true);
  if (version !== COMPLETION_INDEX_FORMAT_VERSION) throw new IndexFormatError('INDEX_VERSION', `format version ${version}, this build reads version ${COMPLETION_INDEX_FORMAT_VERSION}`);
  const total = view.getFloat64(16, true);
  if (total !== bytes.length) throw new IndexFormatError('INDEX_TRUNCATED', `the file is ${bytes.length} bytes, its header says ${total}`);
  if (verify) {
    const [a, b] = wordChecksum(new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, (bytes.length - HEADER_BYTES) / 4));
    if (a !== view.getUint32(24, true) || b !== view.getUint32(28, true)) throw new IndexFormatError('INDEX_CHECKSUM', 'checksum mismatch (the file is corrupt)');
  }
  const jsonLength = view.getUint32(12, true);
  if (HEADER_BYTES + jsonLength > bytes.length) throw new IndexFormatError('INDEX_MALFORMED', 'the directory lies outside the file');
  let directory: Directory;
  try {
    directory = JSON.parse(new TextDecoder('utf-8').decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength))) as Directory;
  } catch {
    throw new IndexFormatError('INDEX_MALFORMED', 'the directory is not JSON');
  }
  const same = (a: readonly number[], b: readonly number[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(directory.contextLevels, CONTEXT_LEVELS) || !same(directory.shapeLevels, SHAPE_LEVELS) || !same(directory.tokenLevels, TOKEN_LEVELS)) throw new IndexFormatError('INDEX_VERSION', 'the index was made with other context levels');
  if (!Number.isInteger(directory.files) || !Array.isArray(directory.sections)) throw new IndexFormatError('INDEX_MALFORMED', 'the directory lacks files or sections');
  const options = directory.options as Partial<ContinuationIndexOptions> | undefined;
  if (typeof options?.indentTokens !== 'boolean' || typeof options.tokenPostings !== 'boolean') throw new IndexFormatError('INDEX_MALFORMED', 'the directory lacks the index options');
  return directory;
}

/** File texts decoded one at a time on first use (and kept): loading does not decode every file of the workspace. */
function lazyTexts(bytes: Uint8Array, offsets: Uint32Array, n: number): (i: number) => string {
  if (offsets.length !== n + 1 || offsets[n] !== bytes.length) throw new IndexFormatError('INDEX_MALFORMED', 'text offsets do not match the texts');
  for (let i = 0; i < n; i++) if (offsets[i] > offsets[i + 1]) throw new IndexFormatError('INDEX_MALFORMED', `text ${i} has a negative length`);
  const decoder = new TextDecoder('utf-8');
  const decoded = new Array<string | undefined>(n);
  return (i) => (decoded[i] ??= decoder.decode(bytes.subarray(offsets[i], offsets[i + 1])));
}

function readSnapshot(sections: SectionReader, directory: Directory): ContinuationIndexSnapshot {
  const n = directory.files;
  const paths = sections.strings('paths');
  const languages = sections.strings('languages');
  const texts = lazyTexts(sections.get('texts.utf8', 'u8'), sections.get('texts.offsets', 'u32'), n);
  const tokens = sections.get('tokens', 'i32');
  const tokenOffsets = sections.get('tokenOffsets', 'u32');
  const lineStarts = sections.get('lineStarts', 'i32');
  const lineStartOffsets = sections.get('lineStartOffsets', 'u32');
  const refBase = sections.get('refBase', 'i32');
  const tokenBase = sections.get('tokenBase', 'i32');
  const tokenFile = sections.get('tokenFile', 'i32');
  const lineCount = sections.get('lineCount', 'i32');
  const alive = sections.get('alive', 'u8');
  const refFile = sections.get('refFile', 'i32');
  const perFile = [paths, languages, refBase, tokenBase, lineCount, alive];
  if (perFile.some((a) => a.length !== n) || tokenOffsets.length !== n + 1 || lineStartOffsets.length !== n + 1) {
    throw new IndexFormatError('INDEX_MALFORMED', 'per-file tables do not match the file count');
  }
  if (tokenOffsets[n] !== tokens.length || lineStartOffsets[n] !== lineStarts.length) throw new IndexFormatError('INDEX_MALFORMED', 'token or line tables do not add up');
  for (let ref = 0; ref < refFile.length; ref++) if (refFile[ref] < 0 || refFile[ref] >= n) throw new IndexFormatError('INDEX_MALFORMED', `line reference ${ref} names no file`);
  for (let ref = 0; ref < tokenFile.length; ref++) if (tokenFile[ref] < 0 || tokenFile[ref] >= n) throw new IndexFormatError('INDEX_MALFORMED', `token reference ${ref} names no file`);
  const files = Array.from({ length: n }, (_, i): IndexSnapshotFile => {
    const lines = lineStartOffsets[i + 1] - lineStartOffsets[i];
    const tokenCount = tokenOffsets[i + 1] - tokenOffsets[i];
    if (directory.options.tokenPostings && alive[i] === 1 && (tokenBase[i] < 0 || tokenBase[i] + tokenCount > tokenFile.length)) {
      throw new IndexFormatError('INDEX_MALFORMED', `file ${i}'s tokens point outside the token references`);
    }
    if (refBase[i] < 0 || refBase[i] + lineCount[i] > refFile.length || tokenOffsets[i] > tokenOffsets[i + 1] || lines < 0 || (alive[i] === 1 && lines !== lineCount[i] + 1)) {
      throw new IndexFormatError('INDEX_MALFORMED', `file ${i} points outside the tables`);
    }
    return {
      path: paths[i], language: languages[i], get text() { return texts(i); }, refBase: refBase[i], tokenBase: tokenBase[i], lineCount: lineCount[i], alive: alive[i] === 1,
      tokens: tokens.subarray(tokenOffsets[i], tokenOffsets[i + 1]),
      lineStarts: lineStarts.subarray(lineStartOffsets[i], lineStartOffsets[i + 1]),
    };
  });
  return {
    options: { indentTokens: directory.options.indentTokens, tokenPostings: directory.options.tokenPostings },
    vocabulary: sections.strings('vocabulary'),
    files,
    refFile,
    tokenFile,
    tokenPostings: directory.options.tokenPostings ? TOKEN_LEVELS.map((_, level) => sections.get(`tokenPostings.${level}`, 'f64')) : [],
    postings: CONTEXT_LEVELS.map((_, level) => sections.get(`postings.${level}`, 'f64')),
    shapePostings: SHAPE_LEVELS.map((_, level) => sections.get(`shapePostings.${level}`, 'f64')),
  };
}
