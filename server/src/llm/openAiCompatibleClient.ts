import { redactSecrets, type Cancellation, type ChatMessage, type LlmSynthesizer } from '@arenalab/core';
import { LlmError } from './llmError';
import type { LlmSettings } from './llmSettings';
import { OpenAiEndpoint } from './openAiEndpoint';
import type { ProxyConfig } from './proxyFor';

function replyText(body: unknown): string | undefined {
  const choices = (body as { choices?: unknown })?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const content = (choices[0] as { message?: { content?: unknown } })?.message?.content;
  return typeof content === 'string' ? content : undefined;
}

/**
 * An OpenAI-compatible chat endpoint (OpenAI, llama.cpp's server, Ollama, vLLM, LM Studio …) behind core's
 * `LlmSynthesizer` port: POST `{baseUrl}/chat/completions` through {@link OpenAiEndpoint} (proxy, timeout,
 * cancellation, errors that never contain the API key or the proxy's credentials).
 */
export class OpenAiCompatibleClient implements LlmSynthesizer {
  readonly id: string;
  private readonly url: string;
  private readonly endpoint: OpenAiEndpoint;

  constructor(private readonly settings: LlmSettings, proxyConfig: ProxyConfig = { env: {} }) {
    this.url = `${settings.baseUrl}/chat/completions`;
    this.id = `${settings.baseUrl} (${settings.model})`;
    this.endpoint = new OpenAiEndpoint(settings, proxyConfig);
  }

  /** The proxy its requests go through (`host:port`), or undefined when they go direct. */
  get proxyHost(): string | undefined {
    return this.endpoint.proxy?.host;
  }

  async complete(messages: readonly ChatMessage[], token?: Cancellation): Promise<string> {
    const body = {
      model: this.settings.model,
      // Nothing leaves the machine with a secret in it: the question and the answers retrieved for it are redacted.
      messages: messages.map(({ role, content }) => ({ role, content: redactSecrets(content).text })),
      temperature: this.settings.temperature,
      max_tokens: this.settings.maxTokens,
      stream: false,
    };
    const text = replyText(await this.endpoint.post('/chat/completions', body, token));
    if (text === undefined) throw new LlmError('LLM_BAD_RESPONSE', `${this.url} answered without choices[0].message.content`);
    return text;
  }
}
