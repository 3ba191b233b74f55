import { shannonEntropy } from './shannonEntropy';

/**
 * Secrets that have no recognisable shape of their own (passwords, AWS secret keys, random
 * tokens) are found through the name they are assigned to: `password = "…"`, `"apiKey": "…"`,
 * `DB_PASSWORD=…`, `token: …`. This file builds those assignment patterns and decides whether a
 * matched value is a literal secret or ordinary code (`password = getPassword()`,
 * `token: string`, `process.env.TOKEN`).
 */

/**
 * Capture groups that may hold the assigned value; the redactor replaces the first one present.
 * Separate names per quoting style because JavaScript forbids duplicate group names.
 */
export const VALUE_GROUPS = ['secret', 'secretSingle', 'secretBacktick', 'secretEscaped', 'secretBare'] as const;

/** What a validator sees besides the value itself. */
export interface AssignedValueContext {
  /** The name the value is assigned to, e.g. `DB_PASSWORD`. */
  name: string;
  /** Separator between name and value, with its surrounding blanks, e.g. ` = ` or `:`. */
  separator: string;
  /** Whether the value was written between quotes. */
  quoted: boolean;
  /** The character right after the match ('' at the end of the text). */
  next: string;
  /** Nothing but blanks before the name on its line. */
  lineStart: boolean;
  /** Nothing but blanks after the value on its line. */
  lineEnd: boolean;
}

/**
 * Longest value an assignment captures: an AWS session token is 400 to 1,000 characters; bounded so that an
 * unclosed quote costs little.
 */
export const MAX_VALUE = 1024;

/**
 * A global, case-insensitive pattern matching `NAME SEP VALUE`. `names` is a regex alternation of
 * secret-like words; they may sit inside a longer identifier (`db_password`, `githubToken`).
 * Every quantifier is bounded and adjacent parts use disjoint character sets, so matching stays
 * linear in the text length (no catastrophic backtracking).
 */
export function assignmentPattern(names: string, valuePrefix = ''): RegExp {
  const name = `(?<name>[A-Za-z0-9_]{0,40}?(?:${names})[A-Za-z0-9_]{0,40})`;
  const separator = `\\\\?["']?(?<sep>[ \\t]{0,4}(?::=|=>|={1,3}|:)[ \\t]{0,4})`;
  const quoted = (q: string, group: string) => `${q}(?<${group}>(?:[^${q}\\\\\\r\\n]|\\\\.){1,${MAX_VALUE}})${q}`;
  const value =
    `(?:${quoted('"', 'secret')}|${quoted("'", 'secretSingle')}|${quoted('`', 'secretBacktick')}` +
    `|\\\\"(?<secretEscaped>(?:[^"\\\\\\r\\n]|\\\\[^"]){1,${MAX_VALUE}})\\\\"` +
    `|(?<secretBare>[^\\s"'\`,;&<>]{1,${MAX_VALUE}}))`;
  return new RegExp(`(?<![A-Za-z0-9_])${name}${separator}${valuePrefix}${value}`, 'gid');
}

const TYPE_WORDS = new Set([
  'string', 'str', 'number', 'int', 'integer', 'float', 'boolean', 'bool', 'any', 'unknown', 'object',
  'bytes', 'buffer', 'char', 'void', 'never', 'null', 'nil', 'none', 'undefined', 'true', 'false',
  'optional', 'secretstr', 'required', 'env', 'redacted',
]);

/** Names whose value is about the secret (a label, a rule, a path), not the secret itself. */
const DESCRIPTIVE_NAME = /(label|message|msg|prompt|hint|placeholder|text|title|error|field|help|description|length|len|min|max|count|size|policy|regex|pattern|url|uri|path|file|dir|name|type|id|enabled|required|hash)$/i;

/** A value that reads like code: a call, a member path, a variable or template reference. */
function looksLikeCode(value: string, context: AssignedValueContext): boolean {
  if (/^[$%{[(!*&@]/.test(value)) return true;
  if (/[A-Za-z_]\w*\(/.test(value) || /[()[\]{}]/.test(value)) return true;
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  if (TYPE_WORDS.has(value.toLowerCase())) return true;
  if (/^[A-Za-z_]\w*$/.test(value)) {
    if (/^[A-Z][a-z]/.test(value) && !/\d/.test(value)) return true; // a type name such as `Password`
    if (context.next === ',' || context.next === ')') return true; // a keyword argument: f(password=pwd)
    if (value.toLowerCase() === context.name.toLowerCase()) return true;
  }
  return false;
}

export function isTemplateOrPlaceholder(value: string): boolean {
  return (
    /^\$\{?[A-Za-z_]\w*\}?$/.test(value) ||
    /\$\{[^}]*\}|\{\{[^}]*\}\}|^%\(?\w*\)?s$/.test(value) ||
    /^<[^>]*>$/.test(value) ||
    /^(.)\1*$/.test(value)
  );
}

/** `name = value` filling its line, with a value that is not an identifier (INI, `~/.aws/credentials`, `.pypirc`). */
function isSettingLine(value: string, context: AssignedValueContext): boolean {
  return context.lineStart && context.lineEnd && !/^[A-Za-z_$][\w$]*$/.test(value);
}

/** Shared rules for every assigned value; `true` when the value is a literal worth redacting. */
function isLiteralValue(value: string, context: AssignedValueContext): boolean {
  if (value.length === 0 || value.includes('<redacted:')) return false;
  if (isTemplateOrPlaceholder(value)) return false;
  if (context.quoted) return true;
  // Spaced `=` with a bare value is a code expression (`password = getPassword()`), not config, unless the
  // assignment is a whole line (an INI or credentials file) and the value is not a name: `password = hunter2` in
  // such a line stays, as it is also a Python assignment of one variable to another.
  if (/=/.test(context.separator) && /\s/.test(context.separator) && !isSettingLine(value, context)) return false;
  return !looksLikeCode(value, context);
}

/** Accepts a password-like value assigned to `password`, `passwd`, `pwd` or `secret`. */
export function isPlausiblePassword(value: string, context: AssignedValueContext): boolean {
  if (!isLiteralValue(value, context)) return false;
  if (DESCRIPTIVE_NAME.test(context.name)) return false;
  // `PWD=/home/me` is the working directory in every environment dump, not a password.
  if (/^(old)?pwd$/i.test(context.name) && /^([/~]|[A-Za-z]:\\)/.test(value)) return false;
  return true;
}

/** Accepts exactly 40 base64 characters with at least one digit or symbol (AWS secret access key). */
export function isPlausibleAwsSecret(value: string, context: AssignedValueContext): boolean {
  if (!/^[A-Za-z0-9/+=]{40}$/.test(value) || !/[0-9/+]/.test(value)) return false;
  // The credentials file layout, `aws_secret_access_key = …` on its own line: the shape alone decides, since about
  // a quarter of real keys have no `/` or `+` and so read as a name.
  if (context.lineStart && context.lineEnd && /=/.test(context.separator)) return !isTemplateOrPlaceholder(value);
  return isLiteralValue(value, context);
}

/** Tunables of the high-entropy rule, taken from the redaction config. */
export interface EntropyRule {
  threshold: number;
  minLength: number;
}

/**
 * Accepts a long, random-looking token: no blanks, not a URL or path, mixing at least two of
 * lower case, upper case and digits (so `GITHUB_ACCESS_TOKEN` or `session-cookie-name` stay),
 * and with Shannon entropy at or above the threshold.
 */
export function isPlausibleHighEntropy(value: string, context: AssignedValueContext, rule: EntropyRule): boolean {
  if (value.length < rule.minLength || /\s/.test(value)) return false;
  if (!isLiteralValue(value, context)) return false;
  if (DESCRIPTIVE_NAME.test(context.name) || value.includes('://') || /^[/~.]/.test(value)) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value));
  if (classes < 2) return false;
  return shannonEntropy(value) >= rule.threshold;
}
