import { IndexFormatError } from '../index/indexFormatError';

/** Element types a section can hold. */
export type SectionKind = 'u8' | 'u32' | 'i32' | 'f64';
export type SectionArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

const CONSTRUCTORS = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;

/** Where a section lies: name, kind, byte offset from the data start, element count. */
export type SectionEntry = [name: string, kind: SectionKind, offset: number, count: number];

const kindOf = (array: SectionArray): SectionKind =>
  array instanceof Float64Array ? 'f64' : array instanceof Int32Array ? 'i32' : array instanceof Uint32Array ? 'u32' : 'u8';

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Named typed arrays laid out back to back, each at an 8-byte aligned offset, so a reader takes views into the bytes
 * (no copy, any element type) instead of parsing them.
 */
export class SectionWriter {
  private readonly parts: [string, SectionArray][] = [];

  add(name: string, array: SectionArray): this {
    this.parts.push([name, array]);
    return this;
  }

  /** Strings as their UTF-16 lengths and one UTF-8 blob of their concatenation (one encoder call for all of them). */
  strings(name: string, values: readonly string[]): this {
    this.add(`${name}.lengths`, Uint32Array.from(values, (s) => s.length));
    return this.add(`${name}.utf8`, new TextEncoder().encode(values.join('')));
  }

  /** The directory (offsets from the data start) and the data's total byte length. */
  layout(): { entries: SectionEntry[]; bytes: number } {
    let offset = 0;
    const entries = this.parts.map(([name, array]): SectionEntry => {
      const entry: SectionEntry = [name, kindOf(array), offset, array.length];
      offset = align8(offset + array.byteLength);
      return entry;
    });
    return { entries, bytes: offset };
  }

  /** Copies every section into `out` at `start` (which must be 8-byte aligned), as `layout` placed them. */
  writeInto(out: Uint8Array, start: number, entries: readonly SectionEntry[]): void {
    this.parts.forEach(([, array], i) => out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + entries[i][2]));
  }
}

/** Views into sections written by `SectionWriter`; a missing or out-of-bounds section is an `IndexFormatError`. */
export class SectionReader {
  private readonly byName = new Map<string, SectionEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    entries: readonly SectionEntry[],
  ) {
    for (const entry of entries) this.byName.set(entry[0], entry);
  }

  get<K extends SectionKind>(name: string, kind: K): InstanceType<(typeof CONSTRUCTORS)[K]> {
    const entry = this.byName.get(name);
    if (entry === undefined) throw new IndexFormatError('INDEX_MALFORMED', `section ${name} is missing`);
    const [, found, offset, count] = entry;
    if (found !== kind) throw new IndexFormatError('INDEX_MALFORMED', `section ${name} holds ${found}, expected ${kind}`);
    const type = CONSTRUCTORS[kind];
    const at = this.bytes.byteOffset + this.start + offset;
    if (!Number.isInteger(count) || count < 0 || offset % 8 !== 0 || this.start + offset + count * type.BYTES_PER_ELEMENT > this.bytes.length) {
      throw new IndexFormatError('INDEX_MALFORMED', `section ${name} lies outside the file`);
    }
    return new type(this.bytes.buffer as ArrayBuffer, at, count) as InstanceType<(typeof CONSTRUCTORS)[K]>;
  }

  strings(name: string): string[] {
    const lengths = this.get(`${name}.lengths`, 'u32');
    const joined = new TextDecoder('utf-8').decode(this.get(`${name}.utf8`, 'u8'));
    const out = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      out[i] = joined.slice(at, at + lengths[i]);
      at += lengths[i];
    }
    if (at !== joined.length) throw new IndexFormatError('INDEX_MALFORMED', `strings ${name}: lengths do not match the text`);
    return out;
  }
}

export { align8 };
