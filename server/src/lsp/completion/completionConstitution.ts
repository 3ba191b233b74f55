import { AntiPatternMemory, checkCompletion, ConstitutionalReviewer, HashingEmbedder } from '@arenalab/core';
import type { Cancellation, Clock, CompletionCandidate } from '@arenalab/core';
import { loadAntiPatterns } from '../../store';
import { WorkspaceFileFilter } from '../../workspace';
import type { WorkspaceRoots } from '../workspace/workspaceRoots';

export interface CompletionConstitutionDeps {
  clock: Clock;
  roots: WorkspaceRoots;
  /** The user's `arenalab.excludes` in a workspace folder, read at each check so a settings change applies at once. */
  excludes: (root: string) => readonly string[];
  /** The outcome store's folder, where `arenalab chat` and the server keep remembered violations. */
  storeDir: () => string | undefined;
  log: (line: string) => void;
}

/** .gitignore edits are picked up within this long (filters cache each folder's rules). */
const FILTER_LIFETIME_MS = 60_000;
/** The end of the prefix the harm check reads: enough for the request's intent, bounded for latency. */
const PREFIX_CHARS = 2048;

/**
 * The constitution on the completion path (issue 6 §3): a suggestion that carries a secret, comes from an excluded
 * or gitignored file, is harmful, or is close to a remembered violation is withheld, with the reason in the log.
 * Remembered violations are read from the store folder when it changes, so the chat's anti-patterns apply here too.
 */
export class CompletionConstitution {
  private reviewer: { storeDir: string | undefined; value: Promise<ConstitutionalReviewer> } | undefined;
  private filters: { madeAt: number; byRoot: Map<string, { key: string; filter: WorkspaceFileFilter }> } | undefined;

  constructor(private readonly deps: CompletionConstitutionDeps) {}

  /** The candidates the constitution allows, in their order; `withheld` gets the first violated principle of each other. */
  async allowed(candidates: readonly CompletionCandidate[], request: { prefix: string; language: string }, token?: Cancellation, withheld?: string[]): Promise<CompletionCandidate[]> {
    if (candidates.length === 0) return [];
    const reviewer = await this.currentReviewer(token);
    const kept: CompletionCandidate[] = [];
    for (const candidate of candidates) {
      const sourceFiles = candidate.provenance.flatMap((source) => (source.file === undefined ? [] : [source.file]));
      const completion = { text: candidate.text, confidence: candidate.confidence, sourceFiles, prefix: request.prefix.slice(-PREFIX_CHARS), domain: `programming/${request.language}` };
      const { allowed, review } = await checkCompletion(reviewer, completion, token);
      if (allowed) kept.push(candidate);
      else {
        withheld?.push(review.violations[0]?.principleId ?? 'constitution');
        this.deps.log(`suggestion withheld by the constitution: ${review.violations.map((v) => `${v.principleId} (${v.reason})`).join('; ')}`);
      }
    }
    return kept;
  }

  /**
   * The reviewer for the current store folder, made once per folder. The chat reviews its answers with the same one,
   * so a violation either path learns blocks similar output on both.
   */
  currentReviewer(token?: Cancellation): Promise<ConstitutionalReviewer> {
    const storeDir = this.deps.storeDir();
    if (this.reviewer?.storeDir !== storeDir || this.reviewer === undefined) {
      this.reviewer = { storeDir, value: this.createReviewer(storeDir, token) };
    }
    return this.reviewer.value;
  }

  private async createReviewer(storeDir: string | undefined, token?: Cancellation): Promise<ConstitutionalReviewer> {
    const loaded = storeDir === undefined ? { records: [], problems: [] } : loadAntiPatterns(storeDir);
    for (const problem of loaded.problems) this.deps.log(problem);
    const antiPatterns = await AntiPatternMemory.create(new HashingEmbedder(), loaded.records, token);
    return new ConstitutionalReviewer({ clock: this.deps.clock, antiPatterns, config: { isExcludedFile: (key) => this.isExcluded(key) } });
  }

  private isExcluded(key: string): boolean {
    const at = this.deps.roots.rootOf(key);
    if (at === undefined) return false;
    return this.filterFor(at.root).excludes(at.relative);
  }

  private filterFor(root: string): WorkspaceFileFilter {
    const excludes = this.deps.excludes(root);
    const key = excludes.join('\n');
    const now = this.deps.clock.now();
    if (this.filters === undefined || now - this.filters.madeAt > FILTER_LIFETIME_MS) this.filters = { madeAt: now, byRoot: new Map() };
    let made = this.filters.byRoot.get(root);
    if (made === undefined || made.key !== key) this.filters.byRoot.set(root, (made = { key, filter: new WorkspaceFileFilter(root, { excludes: [...excludes] }) }));
    return made.filter;
  }
}
