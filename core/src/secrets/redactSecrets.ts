import type { Span } from '../spans/span';
import { VALUE_GROUPS, type AssignedValueContext } from './assignedValue';
import { SECRET_DETECTORS, type SecretDetector } from './secretDetectors';
import { normalizeForDetection } from './normalizeForDetection';
import { redactionMarker, SECRET_KINDS, type SecretCounts, type SecretKind } from './secretKind';
import { replaceRanges, restoreOriginal, type TrackedText } from './trackedText';

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

function blanksOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function assignmentOf(match: RegExpExecArray, text: string): AssignedValueContext | undefined {
  const groups = match.groups;
  if (!groups || groups.name === undefined || groups.sep === undefined) return undefined;
  const end = match.index + match[0].length;
  const quoted = groups.secretBare === undefined;
  const nameAt = match.indices?.groups?.name?.[0] ?? match.index;
  const lineFrom = text.lastIndexOf('\n', nameAt - 1) + 1;
  const lineTo = text.indexOf('\n', end);
  return {
    name: groups.name,
    separator: groups.sep,
    quoted,
    next: text.charAt(end),
    lineStart: blanksOnly(text, lineFrom, nameAt),
    lineEnd: blanksOnly(text, end, lineTo < 0 ? text.length : lineTo),
  };
}

/** The ranges of `text` one detector would replace, sorted and disjoint. */
function findSecrets(text: string, detector: SecretDetector, config: RedactionConfig): [number, number][] {
  const pattern = detector.pattern;
  const entropy = { threshold: config.entropyThreshold, minLength: config.minEntropyLength };
  const found: [number, number][] = [];
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
    found.push([start, end]);
    pattern.lastIndex = Math.max(end, match.index + 1);
  }
  return found;
}

function mayMatch(detector: SecretDetector, text: string, lower: () => string): boolean {
  const haystack = detector.hintsIgnoreCase ? lower() : text;
  return detector.hints.some((hint) => haystack.includes(hint));
}

function runPass(
  tracked: TrackedText,
  detectors: readonly SecretDetector[],
  config: RedactionConfig,
  counts: SecretCounts,
): TrackedText {
  let lowered: string | undefined;
  let loweredFor = '';
  const lower = () => {
    if (lowered === undefined || loweredFor !== tracked.text) {
      lowered = tracked.text.toLowerCase();
      loweredFor = tracked.text;
    }
    return lowered;
  };
  for (const detector of detectors) {
    if (!config.kinds.includes(detector.kind) || !mayMatch(detector, tracked.text, lower)) continue;
    const found = findSecrets(tracked.text, detector, config);
    if (found.length > 0) {
      counts[detector.kind] = (counts[detector.kind] ?? 0) + found.length;
      tracked = replaceRanges(tracked, found, redactionMarker(detector.kind));
    }
  }
  return tracked;
}

/**
 * `redactSecrets` with a given detector table (the test corpus checks each rule on its own this way).
 * Detection reads the text normalised (`normalizeForDetection`); replacements are carried back to the original.
 */
export function redactWithDetectors(
  text: string,
  detectors: readonly SecretDetector[],
  config: RedactionConfig = DEFAULT_REDACTION_CONFIG,
): RedactionResult {
  const counts: SecretCounts = {};
  let current = normalizeForDetection(text);
  for (let pass = 0; pass < config.maxPasses; pass++) {
    const next = runPass(current, detectors, config, counts);
    if (next.text === current.text) break;
    current = next;
  }
  return { text: restoreOriginal(current, text), counts };
}

/**
 * Replaces every secret found in `text` with `<redacted:KIND>` and counts them per kind. Zero-width characters
 * and full-width or other compatibility forms inside a secret cannot hide it: detection reads the NFKC form without
 * them, and the whole original span of the secret, those characters included, is replaced.
 * Idempotent: the output contains no detectable secret, so redacting it again changes nothing.
 */
export function redactSecrets(text: string, config: RedactionConfig = DEFAULT_REDACTION_CONFIG): RedactionResult {
  return redactWithDetectors(text, SECRET_DETECTORS, config);
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
 * Redacts every string inside a JSON-like value (objects and arrays, recursively; keys are kept): a host's answer
 * before it is shown, such as a tool's output and arguments. The input is not modified; it is returned as is when it
 * held no secret.
 */
export function redactValueSecrets<T>(value: T, config: RedactionConfig = DEFAULT_REDACTION_CONFIG): { value: T; counts: SecretCounts } {
  const counts: SecretCounts = {};
  return { value: redactValue(value, config, counts) as T, counts };
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
