import { strict as assert } from 'node:assert';
import { HfTokenizer } from './hfTokenizer';
import { TokenizerError } from './tokenizerError';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'the', 'cat', '##s', 'run', '##ning', 'cafe', ',', '!', 'un', '##aff', '##able'];

/** A BERT-style tokenizer.json, as exported by HuggingFace tokenizers. */
function bertTokenizerJson(vocab: readonly string[] = VOCAB): unknown {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab.indexOf('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab.indexOf('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}

describe('HfTokenizer', () => {
  it('encodes like BERT: lowercase, strip accents, split punctuation, greedy WordPiece, [CLS]/[SEP]', () => {
    const tokenizer = HfTokenizer.fromJson(bertTokenizerJson());
    // [CLS] the cat ##s , run ##ning café→cafe ! un ##aff ##able [UNK] [SEP]
    assert.deepEqual(tokenizer.encode('The Cats, RUNNING Café! unaffable dog', 100).ids, [2, 4, 5, 6, 10, 7, 8, 9, 11, 12, 13, 14, 1, 3]);
    assert.equal(tokenizer.padId, 0);
  });

  it('truncates the text but keeps the special tokens', () => {
    const tokenizer = HfTokenizer.fromJson(bertTokenizerJson());
    const encoding = tokenizer.encode('the cat the cat the cat', 4);
    assert.deepEqual(encoding.ids, [2, 4, 5, 3]);
    assert.deepEqual(encoding.typeIds, [0, 0, 0, 0]);
  });

  it('supports WordLevel models with BertProcessing and no normalizer', () => {
    const tokenizer = HfTokenizer.fromJson({
      normalizer: null,
      pre_tokenizer: { type: 'WhitespaceSplit' },
      post_processor: { type: 'BertProcessing', cls: ['<s>', 0], sep: ['</s>', 1] },
      model: { type: 'WordLevel', unk_token: '<unk>', vocab: { '<s>': 0, '</s>': 1, '<unk>': 2, Hello: 3, world: 4 } },
    });
    assert.deepEqual(tokenizer.encode('Hello world hello', 10).ids, [0, 3, 4, 2, 1]);
  });

  it('refuses unsupported models and malformed files with typed errors', () => {
    const bpe = { model: { type: 'BPE', vocab: {}, merges: [] } };
    assert.throws(() => HfTokenizer.fromJson(bpe), (e: unknown) => e instanceof TokenizerError && e.code === 'UNSUPPORTED_TOKENIZER' && /BPE/.test(e.message));
    assert.throws(() => HfTokenizer.fromJson({ ...(bertTokenizerJson() as object), normalizer: { type: 'Precompiled' } }), /normalizer type "Precompiled"/);
    assert.throws(() => HfTokenizer.fromJson({ model: { type: 'WordPiece', vocab: { a: 0 } } }), (e: unknown) => e instanceof TokenizerError && e.code === 'BAD_TOKENIZER' && /unk_token/.test(e.message));
    assert.throws(() => HfTokenizer.fromJson([]), (e: unknown) => e instanceof TokenizerError && e.code === 'BAD_TOKENIZER');
  });
});
