import { decodeBase64Url } from './decodeBase64Url';
import { END, START, type DetectorInput, type SecretDetector } from './secretDetector';
import { shannonEntropy } from './shannonEntropy';

// Secrets recognisable by their own shape: key blocks, JWTs and tokens whose issuer gives them a fixed prefix.

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

/** A prefixed token whose random part is a placeholder (`glpat-xxxxxxxxxxxxxxxxxxxx`) is not a secret. */
const randomAfterPrefix = ({ value }: DetectorInput): boolean => shannonEntropy(value.slice(value.indexOf('-') + 1)) >= 3;

export const TOKEN_DETECTORS: readonly SecretDetector[] = [
  {
    id: 'private-key',
    kind: 'private_key',
    // Up to the matching END line; a key cut off without one is redacted up to its last base64 (or
    // `Proc-Type:`-style header) line, so that prose after it survives.
    pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:[\s\S]*?-----END \1-----|(?:(?:\r?\n|\\r?\\n)(?:[A-Za-z0-9+/=]{1,200}|[A-Za-z-]{1,40}: [^\r\n\\]{0,200})(?=[\r\n\\"'`]|$))*)/gd,
    hints: ['PRIVATE KEY'],
  },
  {
    id: 'jwt',
    kind: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_-])/gd,
    hints: ['eyJ'],
    validate: jwtHeaderHasAlg,
  },
  {
    id: 'aws-access-key-id',
    kind: 'aws_access_key',
    pattern: new RegExp(`${START}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${END}`, 'gd'),
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  },
  {
    id: 'gcp-api-key',
    kind: 'gcp_api_key',
    pattern: new RegExp(`${START}AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])`, 'gd'),
    hints: ['AIza'],
  },
  {
    id: 'github-token',
    kind: 'github_token',
    pattern: new RegExp(`${START}(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})${END}`, 'gd'),
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    id: 'gitlab-token',
    kind: 'gitlab_token',
    // Personal, deploy, pipeline-trigger, runner, CI-build, feed, OAuth-application and incoming-mail tokens, with
    // the `.01.xxxxx` routing suffix of newer instances; and the legacy runner registration token.
    pattern: new RegExp(
      `${START}(?:gl(?:pat|dt|ptt|rt|cbt|ft|soat|imt|oas)-[A-Za-z0-9_-]{20,300}(?:\\.[A-Za-z0-9_-]{2,100}){0,3}` +
        `|GR1348941[A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_.-])`,
      'gd',
    ),
    hints: ['glpat-', 'gldt-', 'glptt-', 'glrt-', 'glcbt-', 'glft-', 'glsoat-', 'glimt-', 'gloas-', 'GR1348941'],
    validate: randomAfterPrefix,
  },
  { id: 'npm-token', kind: 'npm_token', pattern: new RegExp(`${START}npm_[A-Za-z0-9]{36}${END}`, 'gd'), hints: ['npm_'] },
  {
    id: 'slack-token',
    kind: 'slack_token',
    pattern: new RegExp(
      `${START}(?:xox[abprs]-[A-Za-z0-9-]{10,250}|xapp-\\d-[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-])` +
        `|https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{10,300}`,
      'gd',
    ),
    hints: ['xox', 'xapp-', 'hooks.slack.com'],
  },
  {
    id: 'stripe-key',
    kind: 'stripe_key',
    pattern: new RegExp(`${START}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}${END}`, 'gd'),
    hints: ['_live_', '_test_'],
  },
  {
    id: 'anthropic-key',
    kind: 'anthropic_key',
    pattern: new RegExp(`${START}sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])`, 'gd'),
    hints: ['sk-ant-'],
  },
  {
    id: 'openai-key',
    kind: 'openai_key',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,400}|[A-Za-z0-9]{20,400})(?![A-Za-z0-9_-])`,
      'gd',
    ),
    hints: ['sk-'],
    validate: hasLetterAndDigit,
  },
];
