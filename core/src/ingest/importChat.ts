import type { RecordProblem } from '../spans/recordProblem';
import type { Span } from '../spans/span';
import { DEFAULT_SPAN_VALIDATION_CONFIG, validateSpan, type SpanValidationConfig } from '../spans/validateSpan';
import { chatConversationToSpans, type ChatSpanOptions } from './chatConversationToSpans';
import { parseChatGptExport } from './parseChatGptExport';
import { parseOpenAiChatJsonl } from './parseOpenAiChatJsonl';

export interface ImportedChat {
  spans: Span[];
  problems: RecordProblem[];
  /** Conversations read (including those whose spans were all rejected). */
  conversations: number;
}

/**
 * The whole chat import of one file: parse (OpenAI JSONL or ChatGPT export), turn each
 * conversation into spans, and validate every span as any boundary must, so a 2 MB question is
 * reported at its conversation's line instead of reaching the store. Never throws.
 */
export function importChat(
  bytes: Uint8Array,
  file: string,
  format: 'chat' | 'chatgpt-export',
  options: ChatSpanOptions,
  config: SpanValidationConfig = DEFAULT_SPAN_VALIDATION_CONFIG,
): ImportedChat {
  const parsed = format === 'chat' ? parseOpenAiChatJsonl(bytes, file) : parseChatGptExport(bytes, file);
  const result: ImportedChat = { spans: [], problems: parsed.problems, conversations: parsed.conversations.length };
  for (const conversation of parsed.conversations) {
    for (const span of chatConversationToSpans(conversation, options)) {
      const checked = validateSpan(span, config);
      if (checked.ok) {
        result.spans.push(checked.span);
        continue;
      }
      const where = { file, line: conversation.line, unit: conversation.unit };
      for (const problem of checked.problems) result.problems.push({ ...where, ...problem });
    }
  }
  return result;
}
