/** A server that must not start as configured (no keys on a public address, a bad keys file, a clash of names). */
export class ApiConfigError extends Error {
  /** A typed code: the CLI prints the message alone, without a stack. */
  readonly code = 'api_config';

  constructor(message: string) {
    super(message);
    this.name = 'ApiConfigError';
  }
}
