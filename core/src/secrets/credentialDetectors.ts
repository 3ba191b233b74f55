import {
  assignmentPattern,
  isPlausibleAwsSecret,
  isPlausibleHighEntropy,
  isPlausiblePassword,
  isTemplateOrPlaceholder,
  MAX_VALUE,
} from './assignedValue';
import type { DetectorInput, SecretDetector } from './secretDetector';
import { shannonEntropy } from './shannonEntropy';

// Secrets without a shape of their own, recognised by where they stand: a connection-string field, a URL's
// user-info, a command-line option, or the name they are assigned to.

const PASSWORD_NAMES = 'password|passwd|passwort|pwd|secret|passphrase';
const SECRET_NAMES =
  'token|secret|api[_.-]?key|apikey|auth(?!or(?:s|ed)?(?![a-z]))|credential|private[_.-]?key|access[_.-]?key|' +
  'client[_.-]?key|session[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|passphrase|bearer|cookie';

/** Random base64 (an Azure account key, a SAS signature): long, mixed with digits or symbols, not a word. */
const randomBase64 = ({ value }: DetectorInput): boolean => /[0-9+/%]/.test(value) && shannonEntropy(value) >= 3.5;

/** `-p$MYSQL_PWD`, `-p${PW}`, `-p%PW%` are references; `-p3306:3306` is a port mapping of a container named mysql. */
const literalOptionValue = ({ value }: DetectorInput): boolean =>
  !/^[$%]/.test(value) && !isTemplateOrPlaceholder(value) && !/^\d+:\d+/.test(value);

/** `NAME=value` alone on a line, NAME upper-case ending in one of `suffixes`: a `.env` or shell-profile line. */
function envLinePattern(suffixes: string): RegExp {
  const value =
    `(?:"(?<secret>[^"\\r\\n]{1,${MAX_VALUE}})"|'(?<secretSingle>[^'\\r\\n]{1,${MAX_VALUE}})'` +
    `|(?<secretBare>[^\\s"'\`]{1,${MAX_VALUE}}))`;
  return new RegExp(
    `^[ \\t]*(?:export[ \\t]+)?(?<name>[A-Z][A-Z0-9_]{0,60}?(?:${suffixes}))(?<sep>=)${value}[ \\t]*(?=\\r?$)`,
    'gmd',
  );
}

export const CREDENTIAL_DETECTORS: readonly SecretDetector[] = [
  {
    id: 'azure-storage-key',
    kind: 'azure_key',
    // The key fields of Azure Storage, Service Bus and Event Hubs connection strings.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])(?:AccountKey|SharedAccessKey|SharedSecretValue)["']?[ \\t]*[=:][ \\t]*["']?` +
        `(?<secretBare>[A-Za-z0-9+/]{20,${MAX_VALUE}}={0,2})(?![A-Za-z0-9+/=])`,
      'gid',
    ),
    hints: ['accountkey', 'sharedaccesskey', 'sharedsecretvalue'],
    hintsIgnoreCase: true,
    validate: randomBase64,
  },
  {
    id: 'azure-sas-signature',
    kind: 'azure_key',
    // The signature of a shared access signature (a SAS URL or `SharedAccessSignature=sv=…&sig=…`), URL-encoded base64.
    pattern: new RegExp(`[?&;]sig=(?<secretBare>[A-Za-z0-9%+/]{20,${MAX_VALUE}}={0,2})(?![A-Za-z0-9%+/=])`, 'gd'),
    hints: ['sig='],
    validate: randomBase64,
  },
  {
    id: 'aws-secret-access-key',
    kind: 'aws_secret_key',
    pattern: assignmentPattern('aws[_.-]?secret|secret[_.-]?access[_.-]?key'),
    hints: ['secret'],
    hintsIgnoreCase: true,
    validate: ({ value, assignment }) => assignment !== undefined && isPlausibleAwsSecret(value, assignment),
  },
  {
    id: 'url-password',
    kind: 'password',
    // user:password@host in any URL scheme (postgres://, https://, redis://:pw@host …).
    pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:/@<>"'`]{0,100}:(?<secret>[^\s:/@<>"'`]{1,200})@(?=[A-Za-z0-9[])/gd,
    hints: ['://'],
    validate: ({ value }) => !/^\d{1,5}$/.test(value) && !/^\$|^\*+$|<redacted:/.test(value),
  },
  {
    id: 'mysql-password-option',
    kind: 'password',
    // The MySQL/MariaDB clients take the password only attached: `-pSECRET`. `-p SECRET` prompts, and SECRET is
    // then the database name, so a blank after `-p` is never a password.
    pattern: new RegExp(
      '(?<![A-Za-z0-9_.-])(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlpump|mysqlshow|mysqlslap|mysqlsh' +
        '|mariadb|mariadb-dump|mariadb-admin)(?:\\.exe)?(?:[ \\t][^\\r\\n|;&]{0,300}?)?[ \\t]-p' +
        `(?:"(?<secret>[^"\\r\\n]{1,${MAX_VALUE}})"|'(?<secretSingle>[^'\\r\\n]{1,${MAX_VALUE}})'` +
        `|(?<secretBare>[^\\s"'\`|;&<>]{1,${MAX_VALUE}}))`,
      'gd',
    ),
    hints: ['mysql', 'mariadb'],
    validate: literalOptionValue,
  },
  {
    id: 'env-password-line',
    kind: 'password',
    pattern: envLinePattern('_PASS|_PW'),
    hints: ['_PASS=', '_PW='],
    validate: ({ value, assignment }) => assignment !== undefined && isPlausiblePassword(value, assignment),
  },
  {
    id: 'env-key-line',
    kind: 'high_entropy',
    // `APP_KEY=…`, `MAILGUN_KEY=…`: `key` alone is too common a word to be a secret name anywhere else.
    pattern: envLinePattern('_KEY'),
    hints: ['_KEY='],
    validate: ({ value, assignment, entropy }) =>
      assignment !== undefined &&
      !/PUBLIC|PUBLISHABLE/.test(assignment.name) &&
      isPlausibleHighEntropy(value, assignment, entropy),
  },
  {
    id: 'password-assignment',
    kind: 'password',
    pattern: assignmentPattern(PASSWORD_NAMES),
    hints: ['pass', 'pwd', 'secret'],
    hintsIgnoreCase: true,
    validate: ({ value, assignment }) => assignment !== undefined && isPlausiblePassword(value, assignment),
  },
  {
    id: 'secret-assignment',
    kind: 'high_entropy',
    pattern: assignmentPattern(SECRET_NAMES, '(?:(?:Bearer|Basic|Token)[ \\t]+)?'),
    hints: ['token', 'secret', 'key', 'auth', 'credential', 'private', 'passphrase', 'bearer', 'cookie'],
    hintsIgnoreCase: true,
    validate: ({ value, assignment, entropy }) =>
      assignment !== undefined && isPlausibleHighEntropy(value, assignment, entropy),
  },
];
