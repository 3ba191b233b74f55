import { CancelledError } from '@arenalab/core';
import type { CancellationToken, RemoteConsole } from 'vscode-languageserver/node';

/** Where a request was aimed, for log lines; never the document text (it may be 10 MB). */
function describeParams(params: unknown): string {
  if (typeof params !== 'object' || params === null) return '';
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } };
  const uri = typeof p.textDocument?.uri === 'string' ? ` ${p.textDocument.uri}` : '';
  const at = typeof p.position === 'object' && p.position !== null ? `:${String(p.position.line)}:${String(p.position.character)}` : '';
  return uri + at;
}

/**
 * Wraps a handler so that no input can take the server down: an error is logged with the method and the document
 * it concerned, and the client gets `fallback` (an empty result). Cancellation is expected and not logged.
 */
export function guarded<P, R>(
  console: RemoteConsole,
  method: string,
  fallback: R,
  handler: (params: P, token?: CancellationToken) => R | Promise<R>,
): (params: P, token?: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (!(error instanceof CancelledError)) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.error(`${method}${describeParams(params)} failed: ${detail}`);
      }
      return fallback;
    }
  };
}
