import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cancellation } from '@arenalab/core';
import type { ApiError } from './apiError';

/**
 * One request on its way through the server: what the handler needs to answer it, and what the log and metrics
 * need afterwards (key id, creature, error code). Cancelled when the client goes away before the answer is sent.
 */
export class RequestContext implements Cancellation {
  keyId: string | null = null;
  creature: string | null = null;
  errorCode: string | undefined;
  streamed = false;
  /** Headers every answer to this request carries (request id, rate limits). */
  readonly headers: Record<string, string>;
  private clientGone = false;

  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    readonly requestId: string,
    readonly route: string,
  ) {
    this.headers = { 'x-request-id': requestId };
    response.on('close', () => {
      if (!response.writableFinished) this.clientGone = true;
    });
  }

  get isCancelled(): boolean {
    return this.clientGone;
  }

  sendJson(status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (this.clientGone) return;
    const text = JSON.stringify(body);
    this.response.writeHead(status, {
      ...this.headers,
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    });
    this.response.end(text);
  }

  /** 204: an answer that is only headers (a CORS preflight, an OPTIONS). */
  sendNoContent(headers: Record<string, string> = {}): void {
    if (this.clientGone) return;
    this.response.writeHead(204, { ...this.headers, ...headers });
    this.response.end();
  }

  sendText(status: number, text: string, contentType: string): void {
    if (this.clientGone) return;
    this.response.writeHead(status, { ...this.headers, 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) });
    this.response.end(text);
  }

  sendError(error: ApiError): void {
    this.errorCode = error.code ?? error.type;
    if (this.response.headersSent) {
      // A stream already started: the status is gone, so the error travels as a last event, as OpenAI does.
      if (!this.response.writableEnded) this.response.end(`data: ${JSON.stringify(error.body())}\n\n`);
      return;
    }
    this.sendJson(error.status, error.body(), { ...error.headers });
  }

  /** Starts a server-sent-events answer; `send` writes one `data:` event, `done` the `[DONE]` marker. */
  startStream(): { send(event: unknown): void; done(): void } {
    this.streamed = true;
    if (this.clientGone) return { send: () => undefined, done: () => undefined };
    this.response.writeHead(200, { ...this.headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    this.response.flushHeaders();
    return {
      send: (event: unknown) => void this.response.write(`data: ${JSON.stringify(event)}\n\n`),
      done: () => this.response.end('data: [DONE]\n\n'),
    };
  }
}
