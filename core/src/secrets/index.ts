export { shannonEntropy } from './shannonEntropy';
export { SECRET_KINDS, redactionMarker, type SecretCounts, type SecretKind } from './secretKind';
export { SECRET_DETECTORS, type SecretDetector, type DetectorInput } from './secretDetectors';
export {
  DEFAULT_REDACTION_CONFIG,
  redactSecrets,
  redactSpanSecrets,
  redactValueSecrets,
  type RedactionConfig,
  type RedactionResult,
} from './redactSecrets';
