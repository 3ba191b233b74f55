import type { Attributes } from './attributeFilter';
import { ByteWriter } from './byteWriter';
import { INDEX_HEADER_BYTES, openIndex, sealIndex } from './indexEnvelope';
import { IndexFormatError } from './indexFormatError';

/** Bumped on any change to the payload layout below. */
export const ATTRIBUTE_INDEX_FORMAT_VERSION = 1;

function table(values: Array<string | undefined>): { names: string[]; index: Int32Array } {
  const names: string[] = [];
  const position = new Map<string, number>();
  const index = Int32Array.from(values, (value) => {
    if (value === undefined) return -1;
    let at = position.get(value);
    if (at === undefined) position.set(value, (at = names.push(value) - 1));
    return at;
  });
  return { names, index };
}

/**
 * Payload v1 (little-endian, arrays length-prefixed): ids; domain names and a domain index per document (-1 =
 * none); action names and index; quality per document; time per document (NaN = none for both).
 */
export function encodeAttributeIndex(entries: ReadonlyArray<readonly [string, Attributes]>): Uint8Array {
  const domains = table(entries.map(([, a]) => a.domain));
  const actions = table(entries.map(([, a]) => a.action));
  const writer = new ByteWriter(INDEX_HEADER_BYTES, 64 + entries.length * 40)
    .strings(entries.map(([id]) => id))
    .strings(domains.names)
    .array(domains.index)
    .strings(actions.names)
    .array(actions.index)
    .array(Float64Array.from(entries, ([, a]) => a.quality ?? NaN))
    .array(Float64Array.from(entries, ([, a]) => a.time ?? NaN));
  return sealIndex('ATTR', ATTRIBUTE_INDEX_FORMAT_VERSION, writer);
}

const malformed = (detail: string) => new IndexFormatError('INDEX_MALFORMED', detail);

/** Reads what {@link encodeAttributeIndex} wrote; anything inconsistent is an {@link IndexFormatError}. */
export function decodeAttributeIndex(bytes: Uint8Array): Array<[string, Attributes]> {
  const reader = openIndex(bytes, 'ATTR', ATTRIBUTE_INDEX_FORMAT_VERSION);
  const ids = reader.strings();
  const domainNames = reader.strings();
  const domainIndex = reader.array(Int32Array);
  const actionNames = reader.strings();
  const actionIndex = reader.array(Int32Array);
  const quality = reader.array(Float64Array);
  const time = reader.array(Float64Array);
  if (!reader.done) throw malformed('trailing bytes');
  const n = ids.length;
  if ([domainIndex, actionIndex, quality, time].some((column) => column.length !== n)) throw malformed('columns have different lengths');
  if (new Set(ids).size !== n) throw malformed('duplicate ids');
  const name = (names: string[], at: number, what: string) => {
    if (at === -1) return undefined;
    if (at < -1 || at >= names.length) throw malformed(`${what} index ${at} out of range`);
    return names[at];
  };
  return ids.map((id, i) => {
    const attributes: Attributes = {};
    const domain = name(domainNames, domainIndex[i], 'domain');
    const action = name(actionNames, actionIndex[i], 'action');
    if (domain !== undefined) attributes.domain = domain;
    if (action !== undefined) attributes.action = action;
    if (!Number.isNaN(quality[i])) attributes.quality = quality[i];
    if (!Number.isNaN(time[i])) attributes.time = time[i];
    return [id, attributes];
  });
}
