/**
 * Custom `arenalab/*` LSP messages, declared once and shared by client and server.
 */
export const ARENALAB_METHOD_PREFIX = 'arenalab/';
export * from './chatRequest';
export * from './curationQueueRequest';
export * from './curationRescoreRequest';
export * from './curationVerdictRequest';
export * from './datasetActionRequest';
export * from './datasetsRequest';
export * from './explainRequest';
export * from './feedbackNotification';
export * from './reindexRequest';
export * from './statusNotification';
export * from './noSuggestionNotification';
export * from './taskResultNotification';
export * from './gapsRequest';
export * from './forgetRequest';
export * from './settings';
export * from './renamedSettings';
