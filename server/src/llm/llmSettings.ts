import { LlmError } from './llmError';

/** The `arenalab.llm.*` settings: an OpenAI-compatible endpoint used for medium-confidence chat synthesis. */
export interface LlmSettings {
  /** e.g. `http://localhost:11434/v1` or `https://api.openai.com/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …`; local servers usually need none. Never logged or printed. */
  apiKey?: string;
  /** @default 30000 */
  timeoutMs: number;
  /** @default 300 */
  maxTokens: number;
  /** @default 0.2 (synthesis should stay close to the retrieved answers) */
  temperature: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 30_000;

/**
 * Checks raw settings (from the CLI, the environment or the editor) and fills in defaults. No base URL means no
 * LLM: the result is undefined and everything stays local. Anything malformed is an {@link LlmError} naming the
 * setting, never a silent fallback that would surprise the user later.
 */
export function resolveLlmSettings(raw: { baseUrl?: string; model?: string; apiKey?: string; timeoutMs?: number; maxTokens?: number; temperature?: number }): LlmSettings | undefined {
  const baseUrl = raw.baseUrl?.trim();
  if (!baseUrl) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new LlmError('BAD_LLM_SETTINGS', `arenalab.llm.baseUrl: not a URL: "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LlmError('BAD_LLM_SETTINGS', `arenalab.llm.baseUrl: must be http or https, got ${url.protocol}`);
  const model = raw.model?.trim();
  if (!model) throw new LlmError('BAD_LLM_SETTINGS', 'arenalab.llm.model: required when arenalab.llm.baseUrl is set');
  const settings: LlmSettings = {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    model,
    timeoutMs: raw.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
    maxTokens: raw.maxTokens ?? 300,
    temperature: raw.temperature ?? 0.2,
  };
  if (!Number.isInteger(settings.timeoutMs) || settings.timeoutMs < 1) throw new LlmError('BAD_LLM_SETTINGS', `arenalab.llm.timeoutMs: must be a positive integer, got ${settings.timeoutMs}`);
  if (!Number.isInteger(settings.maxTokens) || settings.maxTokens < 1) throw new LlmError('BAD_LLM_SETTINGS', `arenalab.llm.maxTokens: must be a positive integer, got ${settings.maxTokens}`);
  if (!Number.isFinite(settings.temperature) || settings.temperature < 0 || settings.temperature > 2) throw new LlmError('BAD_LLM_SETTINGS', `arenalab.llm.temperature: must be in 0..2, got ${settings.temperature}`);
  if (raw.apiKey?.trim()) settings.apiKey = raw.apiKey.trim();
  return settings;
}
