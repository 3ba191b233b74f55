import * as fs from 'node:fs';
import * as path from 'node:path';

// Reads the span store the way a person would inspect it: the workspace's `.arenalab/spans.log`, one JSON record per
// line with the span under `span` (format in server/src/store/README.md). Read-only; the server is the writer.

export interface StoredSpan {
  id: string;
  did: string;
  this: string;
  status: string;
  if_ok?: string;
  confirmed_by?: string;
  metadata?: Record<string, unknown>;
}

export function storeLogPath(workspace: string): string {
  return path.join(workspace, '.arenalab', 'spans.log');
}

/** The spans stored so far; a last line still being written (no newline yet) is left for the next read. */
export function readStoredSpans(workspace: string): StoredSpan[] {
  const file = storeLogPath(workspace);
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete.split('\n').filter((line) => line.length > 0).map((line) => (JSON.parse(line) as { span: StoredSpan }).span);
}

/** Suggestion outcome spans (did `suggest_completion`) with the given outcome in their metadata. */
export function outcomeSpans(workspace: string, outcome: string): StoredSpan[] {
  return readStoredSpans(workspace).filter((span) => span.did === 'suggest_completion' && span.metadata?.outcome === outcome);
}

/** One line per stored span, for failure messages. */
export function describeStore(workspace: string): string {
  const spans = readStoredSpans(workspace);
  if (spans.length === 0) return `store ${storeLogPath(workspace)}: no spans`;
  return `store ${storeLogPath(workspace)}:\n${spans.map((s) => `  ${s.did} ${s.this} ${s.status} ${JSON.stringify(s.metadata ?? {})}`).join('\n')}`;
}
