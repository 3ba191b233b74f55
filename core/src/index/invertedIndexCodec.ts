import { ByteWriter } from './byteWriter';
import { DocTable } from './docTable';
import { INDEX_HEADER_BYTES, openIndex, sealIndex } from './indexEnvelope';
import { IndexFormatError } from './indexFormatError';
import { PostingLists } from './postingLists';
import { TermDictionary } from './termDictionary';

/** The state of an InvertedIndex, as the codec sees it. */
export interface InvertedIndexParts {
  dictionary: TermDictionary;
  postings: PostingLists;
  docs: DocTable;
}

/** Bumped on any change to the payload layout below. */
export const INVERTED_INDEX_FORMAT_VERSION = 1;

/**
 * Payload v1 (little-endian, arrays length-prefixed): doc ids; group names; group index per doc (-1 = none);
 * doc lengths; terms; postings per term; all slots; all tfs. The forward lists and statistics are rebuilt on load
 * rather than stored. Expects a compacted index (no dead slots).
 */
export function encodeInvertedIndex({ dictionary, postings, docs }: InvertedIndexParts): Uint8Array {
  if (docs.deadCount > 0) throw new TypeError('encodeInvertedIndex: compact the index first');
  const groupNames = [...docs.members.keys()].sort(); // sorted: equal indices serialize to equal bytes
  const groupIndex = new Map(groupNames.map((name, i) => [name, i]));
  const postingCount = postings.totalPostings();
  const capacity = INDEX_HEADER_BYTES + 256 + docs.slotCount * 40 + postings.termCount * 24 + postingCount * 6;
  const writer = new ByteWriter(INDEX_HEADER_BYTES, capacity)
    .strings(docs.ids)
    .strings(groupNames)
    .array(Int32Array.from(docs.groups, (g) => (g === undefined ? -1 : (groupIndex.get(g) ?? -1))))
    .array(docs.docLength.subarray(0, docs.slotCount))
    .strings(dictionary.all());
  const terms = postings.termCount;
  const lengths = Uint32Array.from({ length: terms }, (_, t) => postings.length[t]);
  writer
    .array(lengths)
    .concatenated(postings.slots.map((list, t) => list.subarray(0, lengths[t])))
    .concatenated(postings.tfs.map((list, t) => list.subarray(0, lengths[t])));
  return sealIndex('BM25', INVERTED_INDEX_FORMAT_VERSION, writer);
}

const malformed = (detail: string) => new IndexFormatError('INDEX_MALFORMED', detail);

function readPostings(lengths: Uint32Array, slots: Uint32Array, tfs: Uint16Array, docLength: Uint32Array): PostingLists {
  const docCount = docLength.length;
  if (slots.length !== tfs.length || lengths.reduce((sum, n) => sum + n, 0) !== slots.length) throw malformed('posting list sizes disagree');
  const postings = new PostingLists();
  postings.ensureTerms(lengths.length);
  let at = 0;
  for (let t = 0; t < lengths.length; t++) {
    const n = lengths[t];
    // Views, not copies: a loaded index shares one buffer per array and has no growth slack until a list grows.
    const own = slots.subarray(at, at + n);
    const ownTfs = tfs.subarray(at, at + n);
    for (let i = 0; i < n; i++) {
      if (own[i] >= docCount || (i > 0 && own[i] <= own[i - 1])) throw malformed(`posting list ${t} is not sorted within the documents`);
      if (ownTfs[i] === 0) throw malformed(`posting list ${t} has a zero term frequency`);
      if (ownTfs[i] > postings.maxTf[t]) postings.maxTf[t] = ownTfs[i];
      if (i === 0 || docLength[own[i]] < postings.minLength[t]) postings.minLength[t] = docLength[own[i]];
    }
    postings.slots[t] = own;
    postings.tfs[t] = ownTfs;
    postings.length[t] = n;
    postings.df[t] = n;
    at += n;
  }
  return postings;
}

/** Rebuilds the documents and their forward lists (distinct terms per doc) from the postings. */
function readDocs(ids: string[], groupNames: string[], groupIndex: Int32Array, docLength: Uint32Array, postings: PostingLists): DocTable {
  const n = ids.length;
  if (groupIndex.length !== n || docLength.length !== n) throw malformed('document tables have different lengths');
  const groups = Array.from(groupIndex, (g, slot) => {
    if (g < -1 || g >= groupNames.length) throw malformed(`document ${slot} names group ${g}`);
    return g < 0 ? undefined : groupNames[g];
  });
  const docs = new DocTable();
  // Filled column by column rather than through add(): loading a million documents is then mostly two Map builds.
  ids.forEach((id, slot) => {
    docs.slotOf.set(id, slot);
    const group = groups[slot];
    if (group === undefined) return;
    const members = docs.members.get(group);
    if (members) members.add(id);
    else docs.members.set(group, new Set([id]));
  });
  if (docs.slotOf.size !== n) throw malformed('duplicate document ids');
  let totalLength = 0;
  for (let slot = 0; slot < n; slot++) totalLength += docLength[slot];
  Object.assign(docs, { ids, groups, docLength, alive: new Uint8Array(n).fill(1), liveCount: n, totalLength });
  const counts = new Uint32Array(n);
  for (let t = 0; t < postings.termCount; t++) for (let i = 0; i < postings.length[t]; i++) counts[postings.slots[t][i]]++;
  const starts = new Uint32Array(n);
  let total = 0;
  for (let slot = 0; slot < n; slot++) {
    starts[slot] = total;
    total += counts[slot];
  }
  const terms = new Uint32Array(total);
  const fill = starts.slice();
  for (let t = 0; t < postings.termCount; t++) for (let i = 0; i < postings.length[t]; i++) terms[fill[postings.slots[t][i]]++] = t;
  Object.assign(docs, { termStart: starts, termCount: counts, terms, termsUsed: total });
  docs.trim();
  return docs;
}

/** Reads what {@link encodeInvertedIndex} wrote; anything inconsistent is an {@link IndexFormatError}. */
export function decodeInvertedIndex(bytes: Uint8Array): InvertedIndexParts {
  const reader = openIndex(bytes, 'BM25', INVERTED_INDEX_FORMAT_VERSION);
  const ids = reader.strings();
  const groupNames = reader.strings();
  const groupIndex = reader.array(Int32Array);
  const docLength = reader.array(Uint32Array);
  const dictionary = new TermDictionary(reader.strings());
  const postings = readPostings(reader.array(Uint32Array), reader.array(Uint32Array), reader.array(Uint16Array), docLength);
  if (!reader.done) throw malformed('trailing bytes after the postings');
  if (dictionary.size !== postings.termCount) throw malformed('term table and postings disagree');
  return { dictionary, postings, docs: readDocs(ids, groupNames, groupIndex, docLength, postings) };
}
