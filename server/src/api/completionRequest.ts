import { invalidParam } from './apiError';
import { optionalBoolean, optionalNumber, optionalString, requiredString, singleChoice, stopSequences, streamIncludeUsage } from './requestFields';

/** A validated `/v1/completions` request: code before the cursor in, its continuation out. */
export interface CompletionApiRequest {
  model: string;
  /** Text before the cursor. */
  prompt: string;
  /** Text after the cursor (OpenAI's insert mode); it helps the engine see what follows. */
  suffix: string;
  /** ArenaLab extension: the document's workspace-relative path, for its language and self-matching. */
  file?: string;
  maxTokens?: number;
  temperature?: number;
  stop: string[];
  stream: boolean;
  echo: boolean;
  includeUsageInStream: boolean;
}

/** OpenAI accepts a string, a list of strings, or token ids; one string (or a list of exactly one) is supported here. */
function parsePrompt(value: unknown): string {
  if (value === undefined || value === null) throw invalidParam('prompt', "Missing required parameter: 'prompt'.", 'missing_required_parameter');
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    if (value.length !== 1) throw invalidParam('prompt', `Invalid value for 'prompt': one prompt per request is supported, got ${value.length}.`, 'unsupported_value');
    return value[0] as string;
  }
  throw invalidParam('prompt', "Invalid type for 'prompt': expected a string (token-id prompts are not supported: the creature reads text).", 'invalid_type');
}

/** Validates a completion request body; every problem is a 400 naming the field. */
export function parseCompletionRequest(body: Record<string, unknown>): CompletionApiRequest {
  const model = requiredString(body, 'model');
  const prompt = parsePrompt(body.prompt);
  const suffix = optionalString(body, 'suffix') ?? '';
  const file = optionalString(body, 'file');
  // OpenAI's default of 16 tokens would cut most code lines; without max_tokens the engine's own length stands.
  const maxTokens = optionalNumber(body, 'max_tokens', 1, 1_000_000, true);
  const temperature = optionalNumber(body, 'temperature', 0, 2);
  optionalNumber(body, 'top_p', 0, 1);
  singleChoice(body);
  const stream = optionalBoolean(body, 'stream') ?? false;
  const echo = optionalBoolean(body, 'echo') ?? false;
  return { model, prompt, suffix, file, maxTokens, temperature, stop: stopSequences(body), stream, echo, includeUsageInStream: streamIncludeUsage(body, stream) };
}
