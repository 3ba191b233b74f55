/** Why a call to an external model failed; `code` lets callers (and the CLI's error report) tell the cases apart. */
export type LlmErrorCode = 'BAD_LLM_SETTINGS' | 'LLM_UNREACHABLE' | 'LLM_TIMEOUT' | 'LLM_HTTP_STATUS' | 'LLM_BAD_RESPONSE';

export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}
