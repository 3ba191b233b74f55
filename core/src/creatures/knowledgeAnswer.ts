import type { PredictionSource } from './creature';
import type { KnowledgeIndex } from './knowledgeIndex';
import type { WorkspaceKnowledgeConfig } from './workspaceKnowledgeConfig';

/** One answer of the workspace knowledge creature: text composed only of what its sources say. */
export interface KnowledgeAnswer {
  text: string;
  confidence: number;
  /** `definition`, `usage`, `code_search`, `doc_comment`, `readme`, `build_command`, `git_history`, `not_sure`. */
  method: string;
  sources: PredictionSource[];
}

/** What every answering step needs. */
export interface AnswerContext {
  index: KnowledgeIndex;
  config: WorkspaceKnowledgeConfig;
}

/** `file:line` (1-based) as an editor opens it. */
export function at(file: string, line0: number): string {
  return `${file}:${line0 + 1}`;
}

/** A line as quoted in an answer: trimmed, at most 160 characters. */
export function quote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 157)}…` : trimmed;
}

/**
 * How much of the question's topic a set of terms covers, weighting each topic term by its idf (a rare word such as
 * `fsync` counts for more than `span` in a repository about spans). A term counts fully when present, 0.7 when only
 * a longer term starts with it (`bench` in `benchmark`). 0–1.
 */
export function coverage(index: KnowledgeIndex, topic: readonly string[], terms: ReadonlySet<string>): number {
  let total = 0;
  let covered = 0;
  for (const term of topic) {
    const weight = index.idf(term);
    total += weight;
    if (terms.has(term)) covered += weight;
    else if (term.length >= 4 && [...terms].some((t) => t.length > term.length && t.startsWith(term))) covered += 0.7 * weight;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * The honest answer below the threshold: it says it is not sure and lists the closest places only as places to
 * look, never as the answer.
 */
export function notSure(what: string, closest: readonly PredictionSource[], confidence: number): KnowledgeAnswer {
  const places = closest.length === 0 ? '' : `\n\nClosest places, in case they help (not an answer):\n${closest.map((s) => `- ${s.file}:${s.line}${s.snippet ? ` — \`${s.snippet}\`` : ''}`).join('\n')}`;
  return { text: `I'm not sure: nothing in this workspace answers ${what} well enough.${places}`, confidence, method: 'not_sure', sources: [...closest] };
}

/** A source for a line of the index. */
export function lineSource(index: KnowledgeIndex, file: string, line0: number, similarity: number): PredictionSource {
  return { file, line: line0 + 1, similarity: Math.round(similarity * 1000) / 1000, snippet: quote(index.lineText(file, line0)) };
}
