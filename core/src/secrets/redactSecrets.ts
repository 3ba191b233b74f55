import type { Span } from '../spans/span';
import { VALUE_GROUPS, type AssignedValueContext } from './assignedValue';
import { SECRET_DETECTORS, type SecretDetector } from './secretDetectors';
import { redactionMarker, SECRET_KINDS, type SecretCounts, type SecretKind } from './secretKind';

export interface RedactionConfig {
  /**
   * Minimum Shannon entropy, in bits per character, for a value assigned to a secret-like name
   * (`token`, `api_key`, …) to be redacted as `high_entropy`. Random base64 or base62 of 20+
   * characters scores ≈ 4.0–4.4 and random hex ≈ 3.6–3.9; identifiers and words score lower.
   * Bounds: 0–8. @default 3.5
   */
  entropyThreshold: number;
  /** Minimum length of a `high_entropy` value; shorter values are left alone. Bounds: ≥ 1. @default 20 */
  minEntropyLength: number;
  /**
   * The redactor repeats the detector table until a pass changes nothing, at most this many
   * times, so that redacting an already redacted text changes nothing (idempotence).
   * Bounds: ≥ 1. @default 4
   */
  maxPasses: number;
  /** Kinds to detect; others are left in the text. @default every kind in SECRET_KINDS */
  kinds: readonly SecretKind[];
}

export const DEFAULT_REDACTION_CONFIG: RedactionConfig = {
  entropyThreshold: 3.5,
  minEntropyLength: 20,
  maxPasses: 4,
  kinds: SECRET_KINDS,
};

export interface RedactionResult {
  text: string;
  counts: SecretCounts;
}

function secretRange(match: RegExpExecArray): [number, number] {
  const groups = match.indices?.groups;
  if (groups) {
    for (const name of VALUE_GROUPS) {
      const range = groups[name];
      if (range) return range;
    }
  }
  return [match.index, match.index + match[0].length];
}

function assignmentOf(match: RegExpExecArray, text: string): AssignedValueContext | undefined {
  const groups = match.groups;
  if (!groups || groups.name === undefined || groups.sep === undefined) return undefined;
  const end = match.index + match[0].length;
  const quoted = groups.secretBare === undefined;
  return { name: groups.name, separator: groups.sep, quoted, next: text.charAt(end) };
}

/** Replaces every validated match of one detector; returns the input itself when nothing matched. */
function applyDetector(text: string, detector: SecretDetector, config: RedactionConfig): { text: string; count: number } {
  const pattern = detector.pattern;
  const entropy = { threshold: config.entropyThreshold, minLength: config.minEntropyLength };
  const marker = redactionMarker(detector.kind);
  let out = '';
  let copied = 0;
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const [start, end] = secretRange(match);
    const value = text.slice(start, end);
    const accepted =
      value.length > 0 &&
      !value.includes('<redacted:') &&
      (!detector.validate || detector.validate({ value, assignment: assignmentOf(match, text), entropy }));
    if (!accepted) {
      // Retry one character later so that a rejected candidate cannot hide a real one it overlaps.
      pattern.lastIndex = match.index + 1;
      continue;
    }
    out += text.slice(copied, start) + marker;
    copied = end;
    count++;
    pattern.lastIndex = Math.max(end, match.index + 1);
  }
  return count === 0 ? { text, count } : { text: out + text.slice(copied), count };
}

function mayMatch(detector: SecretDetector, text: string, lower: () => string): boolean {
  const haystack = detector.hintsIgnoreCase ? lower() : text;
  return detector.hints.some((hint) => haystack.includes(hint));
}

function runPass(text: string, config: RedactionConfig, counts: SecretCounts): string {
  let lowered: string | undefined;
  let loweredFor = '';
  const lower = () => {
    if (lowered === undefined || loweredFor !== text) {
      lowered = text.toLowerCase();
      loweredFor = text;
    }
    return lowered;
  };
  for (const detector of SECRET_DETECTORS) {
    if (!config.kinds.includes(detector.kind) || !mayMatch(detector, text, lower)) continue;
    const result = applyDetector(text, detector, config);
    if (result.count > 0) {
      counts[detector.kind] = (counts[detector.kind] ?? 0) + result.count;
      text = result.text;
    }
  }
  return text;
}

/**
 * Replaces every secret found in `text` with `<redacted:KIND>` and counts them per kind.
 * Idempotent: the output contains no detectable secret, so redacting it again changes nothing.
 */
export function redactSecrets(text: string, config: RedactionConfig = DEFAULT_REDACTION_CONFIG): RedactionResult {
  const counts: SecretCounts = {};
  let current = text;
  for (let pass = 0; pass < config.maxPasses; pass++) {
    const next = runPass(current, config, counts);
    if (next === current) break;
    current = next;
  }
  return { text: current, counts };
}

/** Span fields that are identifiers or enumerations, never free text; redaction skips them. */
const UNTOUCHED_FIELDS = new Set(['id', 'when', 'status', 'source', 'schema_version']);

function redactValue(value: unknown, config: RedactionConfig, counts: SecretCounts): unknown {
  if (typeof value === 'string') {
    const result = redactSecrets(value, config);
    for (const [kind, count] of Object.entries(result.counts) as [SecretKind, number][]) {
      counts[kind] = (counts[kind] ?? 0) + count;
    }
    return result.text;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const redacted = redactValue(item, config, counts);
      changed ||= redacted !== item;
      return redacted;
    });
    return changed ? items : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = redactValue(item, config, counts);
      changed ||= copy[key] !== item;
    }
    return changed ? copy : value;
  }
  return value;
}

/**
 * Redacts every string of a span (who, did, this, if_ok, if_not, confirmed_by and everything
 * under context and metadata, recursively), never its id, date, status, source or version.
 * The input is not modified; it is returned as is when it held no secret.
 */
export function redactSpanSecrets(span: Span, config: RedactionConfig = DEFAULT_REDACTION_CONFIG): { span: Span; counts: SecretCounts } {
  const counts: SecretCounts = {};
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(span)) {
    copy[key] = UNTOUCHED_FIELDS.has(key) ? value : redactValue(value, config, counts);
    changed ||= copy[key] !== value;
  }
  return { span: changed ? (copy as unknown as Span) : span, counts };
}
