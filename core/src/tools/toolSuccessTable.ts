import type { Span } from '../spans/span';

/** Successes and failures of one tool on one kind of request. */
export interface ToolSuccessRow {
  kind: string;
  toolId: string;
  successes: number;
  failures: number;
  /** successes / (successes + failures). */
  rate: number;
}

export interface ToolUseRecord {
  tool: string;
  args?: Record<string, unknown>;
  success: boolean;
  error_code?: string;
}

// A refusal for want of a provider, a cancellation, or a sandbox busy with other runs says nothing about the tool's fit.
const UNINFORMATIVE = new Set(['not_configured', 'cancelled', 'busy']);

/** The `tools_used` of a tool-use span, or [] when it has none in the expected shape. */
export function toolsUsedOf(span: Span): ToolUseRecord[] {
  const used = span.metadata?.tools_used;
  if (!Array.isArray(used)) return [];
  return used.filter((entry): entry is ToolUseRecord => typeof entry?.tool === 'string' && typeof entry?.success === 'boolean');
}

/** The request kind a tool-use span was filed under (`arithmetic`, `fenced_code`, …). */
export function requestKindOf(span: Span): string | undefined {
  const kind = span.metadata?.request_kind;
  return typeof kind === 'string' ? kind : undefined;
}

/**
 * How often each tool worked for each kind of request, learned from tool-use spans. A tool whose rate for a kind falls to or below `minRate` after `minSamples` uses stops
 * being chosen for that kind.
 */
export class ToolSuccessTable {
  private readonly counts = new Map<string, { successes: number; failures: number }>();

  constructor(
    readonly minSamples = 3,
    readonly minRate = 0.5,
  ) {}

  /** A table learned from stored spans; spans that are not tool uses are ignored. */
  static fromSpans(spans: Iterable<Span>, minSamples?: number, minRate?: number): ToolSuccessTable {
    const table = new ToolSuccessTable(minSamples, minRate);
    for (const span of spans) table.learn(span);
    return table;
  }

  /** Counts one tool-use span (did `use_tool`); anything else is ignored. */
  learn(span: Span): void {
    if (span.did !== 'use_tool') return;
    const kind = requestKindOf(span);
    if (kind === undefined) return;
    for (const use of toolsUsedOf(span)) {
      // A refusal for lack of configuration or a cancellation says nothing about whether the tool fits the request.
      if (use.error_code !== undefined && UNINFORMATIVE.has(use.error_code)) continue;
      this.record(kind, use.tool, use.success);
    }
  }

  record(kind: string, toolId: string, success: boolean): void {
    const key = `${kind}\u0000${toolId}`;
    const entry = this.counts.get(key) ?? { successes: 0, failures: 0 };
    if (success) entry.successes += 1;
    else entry.failures += 1;
    this.counts.set(key, entry);
  }

  row(kind: string, toolId: string): ToolSuccessRow | undefined {
    const entry = this.counts.get(`${kind}\u0000${toolId}`);
    if (!entry) return undefined;
    return { kind, toolId, ...entry, rate: entry.successes / (entry.successes + entry.failures) };
  }

  /** False once the tool has failed this kind of request too often; true while there is too little evidence. */
  allows(kind: string, toolId: string): boolean {
    const row = this.row(kind, toolId);
    if (!row || row.successes + row.failures < this.minSamples) return true;
    return row.rate > this.minRate;
  }

  /** Every row, by kind then best rate first. */
  rows(): ToolSuccessRow[] {
    return [...this.counts.keys()]
      .map((key) => {
        const [kind, toolId] = key.split('\u0000');
        return this.row(kind, toolId) as ToolSuccessRow;
      })
      .sort((a, b) => (a.kind === b.kind ? b.rate - a.rate || a.toolId.localeCompare(b.toolId) : a.kind.localeCompare(b.kind)));
  }
}
