/** The `type` of an OpenAI-style error: clients branch on it, so only the names OpenAI itself uses. */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'server_error';

/** The JSON body of every error answer, as OpenAI sends it (and as its clients parse it). */
export interface ApiErrorBody {
  error: { message: string; type: ApiErrorType; param: string | null; code: string | null };
}

/**
 * An expected failure of one request: it becomes an HTTP status with an OpenAI-style error body. Anything else thrown
 * inside a handler is a bug and is answered with 500 `server_error` (logged with its stack, never sent).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    /** Extra response headers (Retry-After, Allow). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 for a request field that is missing, of the wrong type or out of range; `param` names the field. */
export function invalidParam(param: string, message: string, code = 'invalid_value'): ApiError {
  return new ApiError(400, 'invalid_request_error', message, param, code);
}

/** The body of a 500: the message says where to look, never what broke inside (no stack, no paths). */
export function internalError(requestId: string): ApiError {
  return new ApiError(500, 'server_error', `The server had an error while processing your request (request id ${requestId}).`, null, 'internal_error');
}
