import { CancelledError, type Cancellation } from '@arenalab/core';
import { LlmError } from './llmError';
import type { LlmSettings } from './llmSettings';
import { postJson } from './postJson';
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

/**
 * One OpenAI-compatible server (`arenalab.llm.baseUrl`): JSON POSTs to its routes (node:http / node:https, through
 * the proxy `proxyFor` picks from `http.proxy` or HTTPS_PROXY / HTTP_PROXY / NO_PROXY), non-streaming. The settings'
 * timeout and the caller's cancellation both abort a request; every failure is an {@link LlmError} with the URL and
 * the reason, and never contains the API key or the proxy's credentials.
 */
export class OpenAiEndpoint {
  readonly proxy: URL | undefined;

  constructor(readonly settings: LlmSettings, proxyConfig: ProxyConfig = { env: {} }) {
    try {
      this.proxy = proxyFor(new URL(`${settings.baseUrl}/`), proxyConfig);
    } catch (error) {
      throw new LlmError('BAD_LLM_SETTINGS', (error as Error).message);
    }
  }

  /** POSTs `body` to `{baseUrl}{route}` and returns the parsed JSON answer of a 2xx response. */
  async post(route: string, body: Record<string, unknown>, token?: Cancellation): Promise<unknown> {
    const url = `${this.settings.baseUrl}${route}`;
    if (token?.isCancelled) throw new CancelledError('LLM request');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    const poll = setInterval(() => token?.isCancelled && controller.abort(), CANCELLATION_POLL_MS);
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    try {
      const response = await postJson(new URL(url), { headers, body: JSON.stringify(body), signal: controller.signal, proxy: this.proxy });
      if (response.status < 200 || response.status > 299) throw new LlmError('LLM_HTTP_STATUS', `HTTP ${response.status} from ${url}: ${errorDetail(response.text)}`);
      try {
        return JSON.parse(response.text) as unknown;
      } catch {
        throw new LlmError('LLM_BAD_RESPONSE', `${url} did not answer with JSON: ${response.text.slice(0, MAX_QUOTED_BODY)}`);
      }
    } catch (error) {
      if (token?.isCancelled) throw new CancelledError('LLM request');
      if (timedOut) throw new LlmError('LLM_TIMEOUT', `no answer from ${url} within ${this.settings.timeoutMs} ms`);
      if (error instanceof LlmError) throw error;
      const failure = error as Error & { code?: string };
      const via = this.proxy === undefined ? '' : ` through the proxy ${this.proxy.host}`;
      throw new LlmError('LLM_UNREACHABLE', `cannot reach ${url}${via}: ${failure instanceof Error && failure.name === 'ProxyError' ? failure.message : failure.code ?? failure.message}`);
    } finally {
      clearTimeout(timer);
      clearInterval(poll);
    }
  }
}
