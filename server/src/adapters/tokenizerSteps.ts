import { TokenizerError } from './tokenizerError';

/** A JSON object from tokenizer.json, fields unknown until checked. */
export type JsonObject = Record<string, unknown>;

export type Normalize = (text: string) => string;
export type PreTokenize = (text: string) => string[];

const CJK = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}])/gu;
const CONTROL = /[\u0000\ufffd\p{Cc}\p{Cf}]/gu;
const WHITESPACE = /\s/gu;
const COMBINING_MARK = /\p{Mn}/gu;
// BERT counts every non-alphanumeric ASCII symbol as punctuation, not only Unicode's P* classes.
const PUNCTUATION = /([\p{P}!-/:-@[-`{-~])/gu;

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARK, '');
}

/** BertNormalizer: clean control characters, space out CJK characters, lowercase and strip accents. */
function bertNormalizer(spec: JsonObject): Normalize {
  const lowercase = spec.lowercase !== false;
  // As in HuggingFace tokenizers: strip_accents null means "follow lowercase".
  const strip = spec.strip_accents === null || spec.strip_accents === undefined ? lowercase : spec.strip_accents === true;
  return (text) => {
    let out = text;
    if (spec.clean_text !== false) out = out.replace(CONTROL, '').replace(WHITESPACE, ' ');
    if (spec.handle_chinese_chars !== false) out = out.replace(CJK, ' $1 ');
    if (strip) out = stripAccents(out);
    return lowercase ? out.toLowerCase() : out;
  };
}

/** The normalizer described by `spec` (null: none). */
export function buildNormalizer(spec: unknown): Normalize {
  if (spec === null || spec === undefined) return (text) => text;
  const object = spec as JsonObject;
  switch (object.type) {
    case 'BertNormalizer':
      return bertNormalizer(object);
    case 'Lowercase':
      return (text) => text.toLowerCase();
    case 'StripAccents':
      return stripAccents;
    case 'Strip':
      return (text) => text.trim();
    case 'NFD':
    case 'NFC':
    case 'NFKD':
    case 'NFKC': {
      const form = object.type;
      return (text) => text.normalize(form);
    }
    case 'Sequence': {
      const steps = asArray(object.normalizers, 'normalizer.normalizers').map(buildNormalizer);
      return (text) => steps.reduce((out, step) => step(out), text);
    }
    default:
      throw new TokenizerError('UNSUPPORTED_TOKENIZER', `normalizer type ${JSON.stringify(object.type)} is not supported`);
  }
}

/** The pre-tokenizer described by `spec` (null: split on whitespace). */
export function buildPreTokenizer(spec: unknown): PreTokenize {
  if (spec === null || spec === undefined) return whitespaceSplit;
  const object = spec as JsonObject;
  switch (object.type) {
    case 'BertPreTokenizer':
      return (text) => whitespaceSplit(text.replace(PUNCTUATION, ' $1 '));
    case 'Whitespace':
      return (text) => text.match(/\w+|[^\w\s]+/gu) ?? [];
    case 'WhitespaceSplit':
      return whitespaceSplit;
    case 'Sequence': {
      const steps = asArray(object.pretokenizers, 'pre_tokenizer.pretokenizers').map(buildPreTokenizer);
      return (text) => steps.reduce<string[]>((pieces, step) => pieces.flatMap(step), [text]);
    }
    default:
      throw new TokenizerError('UNSUPPORTED_TOKENIZER', `pre_tokenizer type ${JSON.stringify(object.type)} is not supported`);
  }
}

function whitespaceSplit(text: string): string[] {
  return text.split(/\s+/u).filter((piece) => piece.length > 0);
}

export function asArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new TokenizerError('BAD_TOKENIZER', `${field} must be an array`);
  return value;
}

export function asObject(value: unknown, field: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TokenizerError('BAD_TOKENIZER', `${field} must be an object`);
  return value as JsonObject;
}
