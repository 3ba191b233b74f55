import { IndexFormatError } from './indexFormatError';

type ArrayKind = typeof Uint8Array | typeof Uint16Array | typeof Uint32Array | typeof Int32Array | typeof Float64Array;

/** Reads what {@link ByteWriter} wrote; any read past the end is an {@link IndexFormatError}, never a RangeError. */
export class ByteReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  f64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  array<K extends ArrayKind>(kind: K): InstanceType<K> {
    const count = this.u32();
    while (this.offset % 4 !== 0) this.u8();
    const byteLength = count * kind.BYTES_PER_ELEMENT;
    this.need(byteLength);
    // slice() copies into a fresh, aligned buffer: the source offset may not be a multiple of 8 for Float64Array.
    const raw = this.bytes.slice(this.offset, this.offset + byteLength);
    this.offset += byteLength;
    return new kind(raw.buffer, 0, count) as InstanceType<K>;
  }

  strings(): string[] {
    const lengths = this.array(Uint32Array);
    const joined = new TextDecoder('utf-8').decode(this.array(Uint8Array));
    const out = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      out[i] = joined.slice(at, at + lengths[i]);
      at += lengths[i];
    }
    if (at !== joined.length) throw new IndexFormatError('INDEX_MALFORMED', 'string table lengths do not match its text');
    return out;
  }

  private need(count: number): void {
    if (this.offset + count > this.bytes.length) throw new IndexFormatError('INDEX_TRUNCATED', `needs ${count} more bytes at offset ${this.offset}`);
  }
}
