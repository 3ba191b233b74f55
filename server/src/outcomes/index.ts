export * from './openOutcomeStore';
export * from './outcomeRecorder';
export * from './outcomeSpans';
export * from './retentionChecks';
export * from './rateAnswerSpan';
export * from './recordingPolicy';
