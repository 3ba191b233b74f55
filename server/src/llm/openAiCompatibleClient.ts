import { CancelledError, type Cancellation, type ChatMessage, type LlmSynthesizer } from '@arenalab/core';
import { LlmError } from './llmError';
import type { LlmSettings } from './llmSettings';
import { postJson } from './postJson';
import type { HttpAnswer } from './postJson';
import { proxyFor } from './proxyFor';
import type { ProxyConfig } from './proxyFor';

/** How often a core Cancellation (a flag, not an event) is polled while a request is in flight. */
const CANCELLATION_POLL_MS = 50;
/** Longest error body quoted in a message. */
const MAX_QUOTED_BODY = 300;

function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: quote the start of the body as it is.
  }
  return body.slice(0, MAX_QUOTED_BODY);
}

function replyText(body: unknown): string | undefined {
  const choices = (body as { choices?: unknown })?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const content = (choices[0] as { message?: { content?: unknown } })?.message?.content;
  return typeof content === 'string' ? content : undefined;
}

/**
 * An OpenAI-compatible chat endpoint (OpenAI, llama.cpp's server, Ollama, vLLM, LM Studio …) behind core's
 * `LlmSynthesizer` port: POST `{baseUrl}/chat/completions` (node:http / node:https, through the proxy `proxyFor`
 * picks from `http.proxy` or HTTPS_PROXY / HTTP_PROXY / NO_PROXY), non-streaming. A timeout and the caller's
 * cancellation both abort the request; every failure is an {@link LlmError} with the URL and the reason, and never
 * contains the API key or the proxy's credentials.
 */
export class OpenAiCompatibleClient implements LlmSynthesizer {
  readonly id: string;
  private readonly url: string;
  private readonly proxy: URL | undefined;

  constructor(private readonly settings: LlmSettings, proxyConfig: ProxyConfig = { env: {} }) {
    this.url = `${settings.baseUrl}/chat/completions`;
    this.id = `${settings.baseUrl} (${settings.model})`;
    try {
      this.proxy = proxyFor(new URL(this.url), proxyConfig);
    } catch (error) {
      throw new LlmError('BAD_LLM_SETTINGS', (error as Error).message);
    }
  }

  /** The proxy its requests go through (`host:port`), or undefined when they go direct. */
  get proxyHost(): string | undefined {
    return this.proxy?.host;
  }

  async complete(messages: readonly ChatMessage[], token?: Cancellation): Promise<string> {
    if (token?.isCancelled) throw new CancelledError('LLM request');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    const poll = setInterval(() => token?.isCancelled && controller.abort(), CANCELLATION_POLL_MS);
    try {
      const response = await this.post(messages, controller.signal);
      if (response.status < 200 || response.status > 299) throw new LlmError('LLM_HTTP_STATUS', `HTTP ${response.status} from ${this.url}: ${errorDetail(response.text)}`);
      return this.parse(response.text);
    } catch (error) {
      if (token?.isCancelled) throw new CancelledError('LLM request');
      if (timedOut) throw new LlmError('LLM_TIMEOUT', `no answer from ${this.url} within ${this.settings.timeoutMs} ms`);
      if (error instanceof LlmError) throw error;
      const failure = error as Error & { code?: string };
      const via = this.proxy === undefined ? '' : ` through the proxy ${this.proxy.host}`;
      throw new LlmError('LLM_UNREACHABLE', `cannot reach ${this.url}${via}: ${failure instanceof Error && failure.name === 'ProxyError' ? failure.message : failure.code ?? failure.message}`);
    } finally {
      clearTimeout(timer);
      clearInterval(poll);
    }
  }

  private post(messages: readonly ChatMessage[], signal: AbortSignal): Promise<HttpAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    const body = {
      model: this.settings.model,
      messages: messages.map(({ role, content }) => ({ role, content })),
      temperature: this.settings.temperature,
      max_tokens: this.settings.maxTokens,
      stream: false,
    };
    return postJson(new URL(this.url), { headers, body: JSON.stringify(body), signal, proxy: this.proxy });
  }

  private parse(body: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new LlmError('LLM_BAD_RESPONSE', `${this.url} did not answer with JSON: ${body.slice(0, MAX_QUOTED_BODY)}`);
    }
    const text = replyText(parsed);
    if (text === undefined) throw new LlmError('LLM_BAD_RESPONSE', `${this.url} answered without choices[0].message.content`);
    return text;
  }
}
