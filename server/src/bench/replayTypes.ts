import type { CompleteOptions, CompletionCandidate, CompletionRequest, CompletionResult, GitChangeStatus, RatedOutcome } from '@arenalab/core';
import type { RepoFile } from './gitRepoReader';

/** One file change of a replayed commit: the new version (undefined when deleted or not source) and its added lines. */
export interface ReplayChange {
  path: string;
  oldPath?: string;
  status: GitChangeStatus;
  file?: RepoFile;
  /** 0-based lines of `file` the commit added. */
  added: readonly number[];
}

export interface ReplayCommit {
  sha: string;
  date: string;
  changes: readonly ReplayChange[];
}

/** What the replay needs from an engine: the CompletionEngine's surface (a recording double in the leakage test). */
export interface ReplayEngine {
  readonly config: { showThreshold: number };
  addFile(file: string, language: string, text: string): void;
  unlearnFile(file: string): void;
  recordOutcome(candidate: Pick<CompletionCandidate, 'provenance'>, outcome: RatedOutcome, outcomeId?: string): void;
  complete(request: CompletionRequest, options?: CompleteOptions): CompletionResult;
}

/** A creature in the replay and what it is allowed to learn after each commit. */
export interface ReplayCreature {
  name: string;
  engine: ReplayEngine;
  /** Index the commit's new file versions (and forget deleted files). */
  learnsCode: boolean;
  /** Credit its own shown predictions: an exact match as accepted, anything else shown as dismissed. */
  learnsFeedback: boolean;
}

export interface ReplayScores {
  cases: number;
  em: number;
  es: number;
}

export interface ReplaySlice {
  slice: number;
  commits: number;
  first_date: string;
  last_date: string;
  cases: number;
  creatures: Record<string, { em: number; es: number }>;
}

export interface ReplayRunResult {
  replayed_commits: number;
  cases: number;
  slices: ReplaySlice[];
  overall: Record<string, ReplayScores & { coverage: number; shown_em: number | null }>;
}
