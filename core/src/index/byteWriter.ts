import { ensureCapacity } from './growTypedArray';

type RawArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

// Typed arrays are copied as raw bytes (fast for hundreds of megabytes), so the format is little-endian and the
// reader refuses to run on a big-endian host rather than misread it.
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Appends little-endian numbers, strings and raw typed arrays to a growing buffer; the index codecs' output side. */
export class ByteWriter {
  private bytes: Uint8Array;
  private view: DataView;
  private length: number;

  /**
   * @param headerBytes zeroed bytes left at the start for a header written at the end (saves copying the payload).
   * @param capacityHint expected total size; a good guess avoids regrowing a buffer of hundreds of megabytes.
   */
  constructor(headerBytes = 0, capacityHint = 1024) {
    this.bytes = new Uint8Array(Math.max(capacityHint, headerBytes, 16));
    this.view = new DataView(this.bytes.buffer);
    this.length = headerBytes;
  }

  u8(value: number): this {
    this.reserve(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
    return this;
  }

  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new TypeError(`ByteWriter.u32: ${value} is not a 32-bit unsigned integer`);
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
    return this;
  }

  f64(value: number): this {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
    return this;
  }

  /** Element count, then the elements' bytes (4-byte aligned, so the reader can copy them back in one call). */
  array(values: RawArray): this {
    return this.concatenated([values]);
  }

  /** Several arrays of one type written as one (what `array` reads back), without first joining them in memory. */
  concatenated(parts: readonly RawArray[]): this {
    this.u32(parts.reduce((sum, part) => sum + part.length, 0));
    this.pad();
    for (const part of parts) {
      const raw = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
      this.reserve(raw.length);
      this.bytes.set(raw, this.length);
      this.length += raw.length;
    }
    return this;
  }

  /**
   * A list of strings as their UTF-16 lengths plus one UTF-8 blob of their concatenation: one encoder call for a
   * million ids instead of a million calls.
   */
  strings(values: readonly string[]): this {
    this.array(Uint32Array.from(values, (s) => s.length));
    const blob = new TextEncoder().encode(values.join(''));
    this.array(blob);
    return this;
  }

  /** The bytes written, as a view (no copy) over the internal buffer; do not write afterwards. */
  finish(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private pad(): void {
    while (this.length % 4 !== 0) this.u8(0);
  }

  private reserve(extra: number): void {
    const before = this.bytes;
    this.bytes = ensureCapacity(this.bytes, this.length + extra);
    if (this.bytes !== before) this.view = new DataView(this.bytes.buffer);
  }
}
