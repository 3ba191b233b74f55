import type { LlmSynthesizer } from '@arenalab/core';
import { OpenAiCompatibleClient } from '../../llm';
import type { LlmSettings, ProxyConfig } from '../../llm';

let cached: { key: string; client: OpenAiCompatibleClient | undefined } | undefined;

/** Where the client's settings leave something out: the key from the environment, the proxy. */
export interface LlmContext {
  proxy: ProxyConfig;
  /** Used when the settings carry no key (see `LspSettings.llmApiKey`). */
  apiKey?: string;
  /** A proxy setting that cannot be used is said here once per change; the chat then stays local. */
  log(line: string): void;
}

/**
 * The LLM client for the current `arenalab.llm` settings, key and proxy, the same object while they stay the same
 * (the chat rebuilds its engine when this changes); undefined when no LLM is configured or the proxy is unusable.
 */
export function llmFromSettings(settings: LlmSettings | undefined, context: LlmContext = { proxy: { env: {} }, log: () => undefined }): LlmSynthesizer | undefined {
  if (settings === undefined) return undefined;
  const complete: LlmSettings = settings.apiKey === undefined && context.apiKey ? { ...settings, apiKey: context.apiKey } : settings;
  const key = JSON.stringify([complete, context.proxy]);
  if (cached?.key !== key) {
    let client: OpenAiCompatibleClient | undefined;
    try {
      client = new OpenAiCompatibleClient(complete, context.proxy);
      if (client.proxyHost !== undefined) context.log(`the external model ${client.id} is reached through the proxy ${client.proxyHost}`);
    } catch (error) {
      context.log(`${(error as Error).message}; the chat stays local`);
    }
    cached = { key, client };
  }
  return cached.client;
}
