import type { LlmSynthesizer } from '@arenalab/core';
import { OpenAiCompatibleClient } from '../../llm';
import type { LlmSettings } from '../../llm';

let cached: { key: string; client: OpenAiCompatibleClient } | undefined;

/**
 * The LLM client for the current `arenalab.llm` settings, the same object while they stay the same (the chat rebuilds
 * its engine when this changes); undefined when no LLM is configured.
 */
export function llmFromSettings(settings: LlmSettings | undefined): LlmSynthesizer | undefined {
  if (settings === undefined) return undefined;
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, client: new OpenAiCompatibleClient(settings) };
  return cached.client;
}
