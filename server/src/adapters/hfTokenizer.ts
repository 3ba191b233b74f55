import { TokenizerError } from './tokenizerError';
import { asArray, asObject, buildNormalizer, buildPreTokenizer } from './tokenizerSteps';
import type { JsonObject, Normalize, PreTokenize } from './tokenizerSteps';

/** Token ids and segment (token type) ids of one encoded text. */
export interface Encoding {
  ids: number[];
  typeIds: number[];
}

/** A special token placed around the text by the post-processor. */
interface SpecialPiece {
  ids: number[];
  typeId: number;
}

/** Post-processor template for a single sequence: specials before and after the text. */
interface Template {
  before: SpecialPiece[];
  after: SpecialPiece[];
  sequenceTypeId: number;
}

type TokenModel = (word: string, out: number[]) => void;

function vocabulary(model: JsonObject): Map<string, number> {
  const vocab = asObject(model.vocab, 'model.vocab');
  const map = new Map<string, number>();
  for (const [token, id] of Object.entries(vocab)) {
    if (!Number.isInteger(id)) throw new TokenizerError('BAD_TOKENIZER', `model.vocab[${JSON.stringify(token)}] must be an integer id`);
    map.set(token, id as number);
  }
  return map;
}

function unknownId(vocab: Map<string, number>, model: JsonObject): number {
  const token = typeof model.unk_token === 'string' ? model.unk_token : '[UNK]';
  const id = vocab.get(token);
  if (id === undefined) throw new TokenizerError('BAD_TOKENIZER', `unk_token ${JSON.stringify(token)} is not in the vocabulary`);
  return id;
}

/** WordPiece: greedy longest-match-first over the word; a word with any unmatched rest is [UNK]. */
function wordPiece(model: JsonObject): TokenModel {
  const vocab = vocabulary(model);
  const unk = unknownId(vocab, model);
  const prefix = typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : '##';
  const maxChars = typeof model.max_input_chars_per_word === 'number' ? model.max_input_chars_per_word : 100;
  return (word, out) => {
    const chars = Array.from(word);
    if (chars.length > maxChars) return void out.push(unk);
    const pieces: number[] = [];
    for (let start = 0; start < chars.length; ) {
      let end = chars.length;
      let found: number | undefined;
      for (; end > start; end--) {
        found = vocab.get((start > 0 ? prefix : '') + chars.slice(start, end).join(''));
        if (found !== undefined) break;
      }
      if (found === undefined) return void out.push(unk);
      pieces.push(found);
      start = end;
    }
    out.push(...pieces);
  };
}

function wordLevel(model: JsonObject): TokenModel {
  const vocab = vocabulary(model);
  const unk = unknownId(vocab, model);
  return (word, out) => void out.push(vocab.get(word) ?? unk);
}

function buildModel(spec: unknown): TokenModel {
  const model = asObject(spec, 'model');
  if (model.type === 'WordPiece') return wordPiece(model);
  if (model.type === 'WordLevel') return wordLevel(model);
  throw new TokenizerError('UNSUPPORTED_TOKENIZER', `model type ${JSON.stringify(model.type)} is not supported (only WordPiece and WordLevel are)`);
}

function pairPiece(value: unknown, field: string): SpecialPiece {
  const pair = asArray(value, field);
  if (!Number.isInteger(pair[1])) throw new TokenizerError('BAD_TOKENIZER', `${field} must be [token, id]`);
  return { ids: [pair[1] as number], typeId: 0 };
}

function templatePieces(spec: JsonObject): Template {
  const specials = asObject(spec.special_tokens ?? {}, 'post_processor.special_tokens');
  const template: Template = { before: [], after: [], sequenceTypeId: 0 };
  let seenSequence = false;
  for (const item of asArray(spec.single, 'post_processor.single')) {
    const entry = asObject(item, 'post_processor.single[]');
    if (entry.Sequence) {
      seenSequence = true;
      template.sequenceTypeId = Number(asObject(entry.Sequence, 'Sequence').type_id ?? 0);
      continue;
    }
    const special = asObject(entry.SpecialToken, 'post_processor.single[].SpecialToken');
    const known = asObject(specials[String(special.id)], `post_processor.special_tokens[${JSON.stringify(special.id)}]`);
    const ids = asArray(known.ids, 'special_tokens[].ids') as number[];
    (seenSequence ? template.after : template.before).push({ ids, typeId: Number(special.type_id ?? 0) });
  }
  return template;
}

function buildTemplate(spec: unknown): Template {
  if (spec === null || spec === undefined) return { before: [], after: [], sequenceTypeId: 0 };
  const object = asObject(spec, 'post_processor');
  switch (object.type) {
    case 'BertProcessing':
    case 'RobertaProcessing':
      return { before: [pairPiece(object.cls, 'post_processor.cls')], after: [pairPiece(object.sep, 'post_processor.sep')], sequenceTypeId: 0 };
    case 'TemplateProcessing':
      return templatePieces(object);
    default:
      throw new TokenizerError('UNSUPPORTED_TOKENIZER', `post_processor type ${JSON.stringify(object.type)} is not supported`);
  }
}

/**
 * A reader for the HuggingFace `tokenizer.json` format, limited to what embedding models of the
 * BERT family use: WordPiece and WordLevel models, the common normalizers and pre-tokenizers, and
 * Bert/Roberta/Template post-processing of a single sequence. Anything else is refused with a
 * {@link TokenizerError} rather than tokenised differently from the model's training.
 */
export class HfTokenizer {
  private constructor(
    private readonly normalize: Normalize,
    private readonly preTokenize: PreTokenize,
    private readonly model: TokenModel,
    private readonly template: Template,
    /** Id used for padding (the `padding.pad_id`, else `[PAD]`, else 0); masked out anyway. */
    readonly padId: number,
  ) {}

  static fromJson(json: unknown): HfTokenizer {
    const root = asObject(json, 'the file');
    const model = buildModel(root.model);
    const vocab = asObject(asObject(root.model, 'model').vocab, 'model.vocab');
    const padding = root.padding as JsonObject | null | undefined;
    const padId = typeof padding?.pad_id === 'number' ? padding.pad_id : typeof vocab['[PAD]'] === 'number' ? (vocab['[PAD]'] as number) : 0;
    return new HfTokenizer(buildNormalizer(root.normalizer), buildPreTokenizer(root.pre_tokenizer), model, buildTemplate(root.post_processor), padId);
  }

  /** Encodes `text`, truncating the text's tokens so that the result, specials included, fits `maxLength`. */
  encode(text: string, maxLength: number): Encoding {
    const tokens: number[] = [];
    for (const word of this.preTokenize(this.normalize(text))) this.model(word, tokens);
    const { before, after, sequenceTypeId } = this.template;
    const specialCount = [...before, ...after].reduce((sum, piece) => sum + piece.ids.length, 0);
    const kept = tokens.slice(0, Math.max(0, maxLength - specialCount));
    const encoding: Encoding = { ids: [], typeIds: [] };
    const push = (ids: number[], typeId: number) => {
      for (const id of ids) {
        encoding.ids.push(id);
        encoding.typeIds.push(typeId);
      }
    };
    before.forEach((piece) => push(piece.ids, piece.typeId));
    push(kept, sequenceTypeId);
    after.forEach((piece) => push(piece.ids, piece.typeId));
    return encoding;
  }
}
