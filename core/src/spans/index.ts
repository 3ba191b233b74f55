export * from './span';
export { validateSpan, assertValidSpan, SpanValidationError, DEFAULT_SPAN_VALIDATION_CONFIG } from './validateSpan';
export type { SpanValidationConfig, SpanValidationResult } from './validateSpan';
export type { FieldProblem } from './jsonValueProblems';
export { spanContentHash, hashSpan, derivedSpanId } from './spanContentHash';
export { isIsoDate } from './isoDate';
export { formatRecordProblem, summarizeProblems, problemKind, formatProblemSummary } from './recordProblem';
export type { RecordProblem, ProblemSummary } from './recordProblem';
