import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SPAN_SOURCES, SPAN_STAKES, SPAN_STATUSES } from '../spans/span';
import { spanContentHash } from '../spans/spanContentHash';
import { validateSpan } from '../spans/validateSpan';
import { canonicalJson } from '../util';
import { importChat } from './importChat';
import { parseChatGptExport } from './parseChatGptExport';
import { parseOpenAiChatJsonl } from './parseOpenAiChatJsonl';
import { parseSpansJsonl } from './parseSpansJsonl';

// Property tests: no input, however broken, makes validation or an importer throw.

const text = fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }).filter((s) => s.trim() !== '');
const isoDate = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
// Validation rightly refuses a "__proto__" key (copying it would set a prototype), so a valid span has none.
const storableJson = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('"__proto__"'));
const extras = fc.dictionary(fc.string({ maxLength: 8 }).map((k) => `x_${k}`), storableJson, { maxKeys: 3 });

const validSpanInput = fc.record(
  {
    id: text,
    source: fc.constantFrom(...SPAN_SOURCES),
    who: text,
    did: text,
    this: text,
    when: isoDate,
    status: fc.constantFrom(...SPAN_STATUSES),
    if_ok: fc.string({ unit: 'binary' }),
    if_not: fc.string(),
    confirmed_by: fc.string(),
    context: fc.tuple(
      fc.record(
        { environment: fc.string(), stakes: fc.constantFrom(...SPAN_STAKES), previous_spans: fc.array(fc.string(), { maxLength: 4 }) },
        { requiredKeys: [] },
      ),
      extras,
    ).map(([known, more]) => ({ ...more, ...known })),
    metadata: fc.tuple(fc.record({ model: fc.string(), temperature: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { requiredKeys: [] }), extras)
      .map(([known, more]) => ({ ...more, ...known })),
  },
  { requiredKeys: ['who', 'did', 'this', 'when', 'status'] },
);

const fieldNames = ['id', 'who', 'did', 'this', 'when', 'status', 'source', 'schema_version', 'context', 'metadata', 'if_ok', 'typo'];
const mutatedSpan = fc.tuple(validSpanInput, fc.constantFrom(...fieldNames), fc.option(fc.anything(), { nil: undefined }))
  .map(([span, key, value]) => ({ ...span, [key]: value }) as Record<string, unknown>);

const asBytes = (s: string) => new TextEncoder().encode(s);
const jsonLines = fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), mutatedSpan, validSpanInput), { maxLength: 6 })
  .map((values) => asBytes(values.map((v) => JSON.stringify(v) ?? 'undefined').join('\n')));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), jsonLines);

const chatMessage = fc.record({ role: fc.oneof(fc.constantFrom('user', 'assistant', 'system', 'tool'), fc.jsonValue()), content: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] });
const chatLines = fc.array(fc.record({ id: fc.jsonValue({ maxDepth: 1 }), created: fc.oneof(fc.integer(), fc.string(), fc.double()), messages: fc.oneof(fc.array(chatMessage, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }), { maxLength: 4 })
  .map((values) => asBytes(values.map((v) => JSON.stringify(v)).join('\n')));

const nodeId = fc.constantFrom('a', 'b', 'c', 'd', 'root');
const exportNode = fc.record({
  parent: fc.oneof(nodeId, fc.constant(null), fc.jsonValue({ maxDepth: 1 })),
  message: fc.oneof(fc.constant(null), fc.record({
    author: fc.record({ role: fc.oneof(fc.constantFrom('user', 'assistant', 'system', 'tool'), fc.jsonValue({ maxDepth: 1 })) }),
    content: fc.record({ content_type: fc.constantFrom('text', 'multimodal_text', 'code'), parts: fc.oneof(fc.array(fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })) }),
    create_time: fc.oneof(fc.double(), fc.integer(), fc.jsonValue({ maxDepth: 1 })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });
const exportBytes = fc.array(fc.record({
  title: fc.jsonValue({ maxDepth: 1 }),
  current_node: fc.oneof(nodeId, fc.jsonValue({ maxDepth: 1 })),
  mapping: fc.oneof(fc.dictionary(nodeId, exportNode, { maxKeys: 5 }), fc.jsonValue({ maxDepth: 2 })),
}, { requiredKeys: [] }), { maxLength: 3 }).map((v) => asBytes(JSON.stringify(v)));

const OPTIONS = { defaultWhen: '2026-01-01T00:00:00Z' };

function assertWellFormedProblems(problems: { field: string; message: string }[]): void {
  for (const problem of problems) assert.ok(problem.field !== '' && problem.message !== '');
}

describe('ingest fuzz (fast-check)', () => {
  it('validateSpan never throws on arbitrary values and mutated spans, and explains every rejection', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.jsonValue(), mutatedSpan), (value) => {
      const result = validateSpan(value);
      if (!result.ok) {
        assert.ok(result.problems.length > 0);
        assertWellFormedProblems(result.problems);
      }
    }), { numRuns: 500 });
  });

  it('every valid span round-trips: canonical JSON → parse → validate gives the same span and hash', () => {
    fc.assert(fc.property(validSpanInput, (input) => {
      const first = validateSpan(input);
      assert.ok(first.ok, first.ok ? '' : JSON.stringify(first.problems));
      const again = validateSpan(JSON.parse(canonicalJson(first.span)));
      assert.ok(again.ok);
      assert.equal(spanContentHash(again.span), spanContentHash(first.span));
      assert.equal(again.span.id, first.span.id);
    }), { numRuns: 300 });
  });

  it('parseSpansJsonl never throws and returns only valid spans', () => {
    fc.assert(fc.property(anyBytes, (bytes) => {
      const result = parseSpansJsonl(bytes, 'fuzz.jsonl');
      for (const span of result.spans) assert.ok(validateSpan(span).ok);
      assertWellFormedProblems(result.problems);
    }), { numRuns: 300 });
  });

  it('the chat parsers and importChat never throw, on bytes or on chat-shaped JSON', () => {
    fc.assert(fc.property(fc.oneof(anyBytes, chatLines, exportBytes), (bytes) => {
      parseOpenAiChatJsonl(bytes, 'fuzz.jsonl');
      parseChatGptExport(bytes, 'fuzz.json');
      for (const format of ['chat', 'chatgpt-export'] as const) {
        const result = importChat(bytes, 'fuzz', format, OPTIONS);
        for (const span of result.spans) assert.ok(validateSpan(span).ok);
        assertWellFormedProblems(result.problems);
      }
    }), { numRuns: 300 });
  });
});
