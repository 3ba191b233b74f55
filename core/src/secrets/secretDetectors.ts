import { CREDENTIAL_DETECTORS } from './credentialDetectors';
import type { SecretDetector } from './secretDetector';
import { TOKEN_DETECTORS } from './tokenDetectors';

export type { DetectorInput, SecretDetector } from './secretDetector';

/**
 * The detector table, in the order the redactor applies it: whole blocks first, then tokens with a recognisable
 * prefix, then values recognised by where they stand (connection-string fields, URLs, command lines) and last by
 * the name they are assigned to. Earlier replacements cannot be matched again because every validator refuses
 * `<redacted:` values.
 */
export const SECRET_DETECTORS: readonly SecretDetector[] = [...TOKEN_DETECTORS, ...CREDENTIAL_DETECTORS];
