/** Failures of the ingest command itself (not of single records, which are reported and skipped). */
export class IngestError extends Error {
  constructor(
    readonly code: 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
