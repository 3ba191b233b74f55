import { bomLength, looksBinary } from './decodeTextLines';

export type IngestFormat = 'spans' | 'chat' | 'chatgpt-export' | 'unknown';

/** Bytes of the head looked at; enough for the first record of any of the formats. */
const HEAD_CHARS = 4096;

/**
 * Guesses an input's format from its name and first bytes: a `.json` file (or one named
 * `conversations.json`) whose text starts with `[` or `{` and mentions `"mapping"` is a ChatGPT
 * export; a JSONL line mentioning `"messages"` is OpenAI chat; one with `"who"` and `"did"` is a
 * span file. Binary or unrecognised input is `unknown`: the caller asks for `--format`.
 */
export function detectIngestFormat(fileName: string, head: Uint8Array): IngestFormat {
  if (looksBinary(head)) return 'unknown';
  const text = new TextDecoder('utf-8').decode(head.subarray(bomLength(head), HEAD_CHARS)).trimStart();
  const name = fileName.toLowerCase();
  const firstLine = text.split('\n', 1)[0];
  if (text.startsWith('[') || (text.startsWith('{') && name.endsWith('.json'))) {
    if (/"mapping"\s*:/.test(text) || /(^|[\\/])conversations\.json$/.test(name)) return 'chatgpt-export';
  }
  if (!firstLine.startsWith('{')) return 'unknown';
  if (/"messages"\s*:/.test(firstLine)) return 'chat';
  if (/"who"\s*:/.test(firstLine) && /"did"\s*:/.test(firstLine)) return 'spans';
  return 'unknown';
}
