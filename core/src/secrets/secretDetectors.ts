import {
  assignmentPattern,
  isPlausibleAwsSecret,
  isPlausibleHighEntropy,
  isPlausiblePassword,
  type AssignedValueContext,
  type EntropyRule,
} from './assignedValue';
import { decodeBase64Url } from './decodeBase64Url';
import type { SecretKind } from './secretKind';

/** What a validator is told about one candidate match. */
export interface DetectorInput {
  /** The exact text that would be replaced. */
  value: string;
  /** Set for assignment detectors (the value came from `NAME = VALUE`). */
  assignment?: AssignedValueContext;
  entropy: EntropyRule;
}

/** One row of the detector table. */
export interface SecretDetector {
  kind: SecretKind;
  /**
   * Global regex with indices (`gd`). Assignment detectors capture the value in one of
   * `VALUE_GROUPS` and only that part is replaced; otherwise the whole match is the secret.
   */
  pattern: RegExp;
  /** Cheap pre-check: the pattern cannot match unless the text contains one of these. */
  hints: readonly string[];
  /** Compare `hints` with the lower-cased text (for case-insensitive patterns). */
  hintsIgnoreCase?: boolean;
  /** Rejects candidates that have the shape but are not secrets. */
  validate?: (input: DetectorInput) => boolean;
}

// Boundaries instead of \b: `_` and `-` are part of tokens, so `\b` would cut them short.
const START = '(?<![A-Za-z0-9_])';
const END = '(?![A-Za-z0-9_])';

function jwtHeaderHasAlg({ value }: DetectorInput): boolean {
  const header = decodeBase64Url(value.slice(0, value.indexOf('.')));
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

const hasLetterAndDigit = ({ value }: DetectorInput): boolean => /[A-Za-z]/.test(value) && /\d/.test(value);

const PASSWORD_NAMES = 'password|passwd|passwort|pwd|secret|passphrase';
const SECRET_NAMES =
  'token|secret|api[_.-]?key|apikey|auth(?!or(?:s|ed)?(?![a-z]))|credential|private[_.-]?key|access[_.-]?key|' +
  'client[_.-]?key|session[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|passphrase|bearer|cookie';

/**
 * The detector table, in the order the redactor applies it: whole blocks first, then tokens with
 * a recognisable prefix, then values recognised only by the name they are assigned to. Earlier
 * replacements cannot be matched again because every validator refuses `<redacted:` values.
 */
export const SECRET_DETECTORS: readonly SecretDetector[] = [
  {
    kind: 'private_key',
    // Up to the matching END line; a key cut off without one is redacted up to its last base64 (or
    // `Proc-Type:`-style header) line, so that prose after it survives.
    pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:[\s\S]*?-----END \1-----|(?:(?:\r?\n|\\r?\\n)(?:[A-Za-z0-9+/=]{1,200}|[A-Za-z-]{1,40}: [^\r\n\\]{0,200})(?=[\r\n\\"'`]|$))*)/gd,
    hints: ['PRIVATE KEY'],
  },
  {
    kind: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_-])/gd,
    hints: ['eyJ'],
    validate: jwtHeaderHasAlg,
  },
  {
    kind: 'aws_access_key',
    pattern: new RegExp(`${START}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${END}`, 'gd'),
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  },
  { kind: 'gcp_api_key', pattern: new RegExp(`${START}AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])`, 'gd'), hints: ['AIza'] },
  {
    kind: 'github_token',
    pattern: new RegExp(`${START}(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})${END}`, 'gd'),
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  { kind: 'npm_token', pattern: new RegExp(`${START}npm_[A-Za-z0-9]{36}${END}`, 'gd'), hints: ['npm_'] },
  {
    kind: 'slack_token',
    pattern: new RegExp(
      `${START}(?:xox[abprs]-[A-Za-z0-9-]{10,250}|xapp-\\d-[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-])` +
        `|https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{10,300}`,
      'gd',
    ),
    hints: ['xox', 'xapp-', 'hooks.slack.com'],
  },
  {
    kind: 'stripe_key',
    pattern: new RegExp(`${START}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}${END}`, 'gd'),
    hints: ['_live_', '_test_'],
  },
  {
    kind: 'anthropic_key',
    pattern: new RegExp(`${START}sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])`, 'gd'),
    hints: ['sk-ant-'],
  },
  {
    kind: 'openai_key',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,400}|[A-Za-z0-9]{20,400})(?![A-Za-z0-9_-])`,
      'gd',
    ),
    hints: ['sk-'],
    validate: hasLetterAndDigit,
  },
  {
    kind: 'aws_secret_key',
    pattern: assignmentPattern('aws[_.-]?secret|secret[_.-]?access[_.-]?key'),
    hints: ['secret'],
    hintsIgnoreCase: true,
    validate: ({ value, assignment }) => assignment !== undefined && isPlausibleAwsSecret(value, assignment),
  },
  {
    kind: 'password',
    // user:password@host in any URL scheme (postgres://, https://, redis://:pw@host …).
    pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:/@<>"'`]{0,100}:(?<secret>[^\s:/@<>"'`]{1,200})@(?=[A-Za-z0-9[])/gd,
    hints: ['://'],
    validate: ({ value }) => !/^\d{1,5}$/.test(value) && !/^\$|^\*+$|<redacted:/.test(value),
  },
  {
    kind: 'password',
    pattern: assignmentPattern(PASSWORD_NAMES),
    hints: ['pass', 'pwd', 'secret'],
    hintsIgnoreCase: true,
    validate: ({ value, assignment }) => assignment !== undefined && isPlausiblePassword(value, assignment),
  },
  {
    kind: 'high_entropy',
    pattern: assignmentPattern(SECRET_NAMES, '(?:(?:Bearer|Basic|Token)[ \\t]+)?'),
    hints: ['token', 'secret', 'key', 'auth', 'credential', 'private', 'passphrase', 'bearer', 'cookie'],
    hintsIgnoreCase: true,
    validate: ({ value, assignment, entropy }) =>
      assignment !== undefined && isPlausibleHighEntropy(value, assignment, entropy),
  },
];
