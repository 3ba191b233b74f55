/**
 * Detection runs on a normalised copy of the text (see `normalizeForDetection`), but what is stored must be the
 * original with its secrets replaced. A `TrackedText` is that copy plus, for each UTF-16 unit, the range of the
 * original it came from, so that replacements made in the copy can be carried back to the original.
 */
export interface TrackedText {
  text: string;
  /** Absent when `text` is the original itself (nothing was normalised): offsets are then the identity. */
  origin?: TextOrigin;
}

export interface TextOrigin {
  /** Start (inclusive) in the original of the character each unit of `text` came from. */
  start: Int32Array;
  /** End (exclusive) in the original of that character. */
  end: Int32Array;
  /** 0 for a unit taken from the original, otherwise the number of the replacement marker it belongs to. */
  marker: Int32Array;
  /** The highest marker number handed out so far. */
  markers: number;
}

/** Ranges `[start, end)` of `tracked.text`, sorted and disjoint. */
export type TextRanges = readonly (readonly [number, number])[];

function replacePlain(text: string, ranges: TextRanges, marker: string): string {
  let out = '';
  let copied = 0;
  for (const [start, end] of ranges) {
    out += text.slice(copied, start) + marker;
    copied = end;
  }
  return out + text.slice(copied);
}

/** Replaces each range by `marker`; the markers' origin is the union of the original ranges they replace. */
export function replaceRanges(tracked: TrackedText, ranges: TextRanges, marker: string): TrackedText {
  const text = replacePlain(tracked.text, ranges, marker);
  const from = tracked.origin;
  if (!from) return { text };
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  const markerOf = new Int32Array(text.length);
  let written = 0;
  let copied = 0;
  let markers = from.markers;
  const keep = (upTo: number) => {
    start.set(from.start.subarray(copied, upTo), written);
    end.set(from.end.subarray(copied, upTo), written);
    markerOf.set(from.marker.subarray(copied, upTo), written);
    written += upTo - copied;
  };
  for (const [s, e] of ranges) {
    keep(s);
    let low = from.start[s];
    let high = from.end[e - 1];
    for (let i = s; i < e; i++) {
      low = Math.min(low, from.start[i]);
      high = Math.max(high, from.end[i]);
    }
    markers++;
    start.fill(low, written, written + marker.length);
    end.fill(high, written, written + marker.length);
    markerOf.fill(markers, written, written + marker.length);
    written += marker.length;
    copied = e;
  }
  keep(tracked.text.length);
  return { text, origin: { start, end, marker: markerOf, markers } };
}

/**
 * The original text with every marker's original range replaced by that marker. Everything else comes from the
 * original, so characters that normalisation dropped or changed outside a secret are kept exactly as they were.
 */
export function restoreOriginal(tracked: TrackedText, original: string): string {
  const origin = tracked.origin;
  if (!origin) return tracked.text;
  let out = '';
  let cursor = 0;
  const length = tracked.text.length;
  for (let i = 0; i < length; ) {
    const id = origin.marker[i];
    if (id === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < length && origin.marker[j] === id) j++;
    // A marker may start inside what the previous one covered (one original character that normalised to several).
    if (origin.start[i] > cursor) out += original.slice(cursor, origin.start[i]);
    out += tracked.text.slice(i, j);
    cursor = Math.max(cursor, origin.end[i]);
    i = j;
  }
  return out + original.slice(cursor);
}
