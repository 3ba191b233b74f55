/** How long a quoted string may get inside an error message before it is cut. */
const MAX_QUOTED_CHARS = 40;

/**
 * A short, human description of a value for error messages ("got ..."): strings are quoted (and
 * cut), other values are named by their JSON kind, so a message never echoes a megabyte of input.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const cut = value.length > MAX_QUOTED_CHARS ? value.slice(0, MAX_QUOTED_CHARS) + '…' : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** UTF-8 length of a string in bytes, without encoding it (surrogate pairs count 4, lone surrogates 3). */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
        continue;
      }
      bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** A byte count in the unit people read: `512 bytes`, `3.5 KB`, `2.1 MB`, `1.05 MB` (binary units, up to two decimals). */
export function formatByteSize(bytes: number): string {
  const units: [number, string][] = [[1_048_576, 'MB'], [1024, 'KB']];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}
