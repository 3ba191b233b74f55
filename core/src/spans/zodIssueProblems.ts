import type { z } from 'zod';
import { closestName } from './closestName';
import { describeValue } from './describeValue';
import { fieldPath } from './fieldPath';
import type { FieldProblem } from './jsonValueProblems';
import { BLANK_MESSAGE } from './spanSchema';
import { SPAN_SCHEMA_VERSION } from './span';

type Issue = z.core.$ZodIssue;

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

const fieldOf = fieldPath;

function got(issue: Issue): string {
  return describeValue(issue.input);
}

function invalidType(issue: z.core.$ZodIssueInvalidType): string {
  if (issue.input === undefined) return 'is required';
  return `must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, got ${got(issue)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, field: string): string {
  if (field === 'schema_version') {
    return `is ${got(issue).replace(/^number /, '')}, newer than the supported schema version ${SPAN_SCHEMA_VERSION}`;
  }
  return `must be at most ${String(issue.maximum)}, got ${got(issue)}`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'string') return BLANK_MESSAGE;
  return `must be at least ${String(issue.minimum)}, got ${got(issue)}`;
}

function unknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, known: readonly string[]): FieldProblem[] {
  return issue.keys.map((key) => {
    const suggestion = closestName(key, known);
    const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
    return { field: fieldOf([...issue.path, key]), message: `is not a known span field${hint}` };
  });
}

function message(issue: Issue, field: string): string {
  // Zod reports a missing enum as an invalid value; for people it is simply missing.
  if (issue.input === undefined && issue.code !== 'custom' && issue.code !== 'unrecognized_keys') return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}, got ${got(issue)}`;
    case 'too_big':
      return tooBig(issue, field);
    case 'too_small':
      return tooSmall(issue);
    case 'custom':
      return issue.message === BLANK_MESSAGE ? BLANK_MESSAGE : `${issue.message}, got ${got(issue)}`;
    default:
      return issue.message;
  }
}

/**
 * Human wording for zod's issues: `field` is the dotted path, the message says what was expected
 * and what was found. Zod must be called with `reportInput: true` so the found value is known.
 */
export function zodIssueProblems(issues: readonly Issue[], knownFields: readonly string[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeys(issue, knownFields);
    const field = fieldOf(issue.path);
    return [{ field, message: message(issue, field) }];
  });
}
