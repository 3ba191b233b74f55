import type { IncomingMessage } from 'node:http';
import { ApiError } from './apiError';

/** 1 MiB: far more than any chat or completion prompt the engines can use, far less than a memory problem. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'invalid_request_error', `Request body is larger than the limit of ${limit} bytes.`, null, 'request_too_large');
}

/** Collects the body, refusing (413) as soon as it passes the limit instead of buffering all of it first. */
async function readBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    total += bytes.length;
    if (total > limit) throw tooLarge(limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * 415 unless the body is declared `application/json`. A web page can send `text/plain` or a form to any address
 * without the browser asking the server first; only a JSON content type makes the browser ask (CORS preflight), and
 * this server never says yes. (`curl -d` sends a form type: add `-H 'content-type: application/json'`.)
 */
function requireJsonContentType(request: IncomingMessage): void {
  const declared = request.headers['content-type'];
  const type = (declared ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return;
  const shown = declared === undefined ? 'no Content-Type' : `Content-Type '${declared.slice(0, 100)}'`;
  throw new ApiError(415, 'invalid_request_error', `The request has ${shown}; send the JSON body with Content-Type: application/json.`, null, 'unsupported_media_type');
}

/**
 * The request body as a JSON object: 415 unless it is declared JSON, 413 over the limit, 400 `invalid_json` when it
 * does not parse, 400 when it is JSON but not an object (an array, a string).
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  requireJsonContentType(request);
  const bytes = await readBytes(request, limit);
  if (bytes.length === 0) throw new ApiError(400, 'invalid_request_error', 'The request body is empty; expected a JSON object.', null, 'invalid_json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const detail = (error as Error).message;
    throw new ApiError(400, 'invalid_request_error', `We could not parse the JSON body of your request (${detail}). Send valid JSON.`, null, 'invalid_json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', null, 'invalid_json');
  }
  return parsed as Record<string, unknown>;
}
