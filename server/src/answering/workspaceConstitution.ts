import { AntiPatternMemory, checkCompletion, ConstitutionalReviewer, HashingEmbedder } from '@arenalab/core';
import type { Cancellation, Clock, CompletionCandidate } from '@arenalab/core';
import { loadAntiPatterns } from '../store';
import { WorkspaceFileFilter } from '../workspace';

/** A workspace folder and the '/'-separated path of a file in it. */
export interface FolderPath {
  root: string;
  relative: string;
}

export interface WorkspaceConstitutionDeps {
  clock: Clock;
  /**
   * The folder and path behind a completion engine's file key, or undefined for a key outside every folder (an
   * untitled document). The language server maps its multi-root keys; a single folder uses `singleFolder`.
   */
  rootOf: (key: string) => FolderPath | undefined;
  /** The user's `arenalab.excludes` in a workspace folder, read at each check so a settings change applies at once. */
  excludes: (root: string) => readonly string[];
  /** The store folder, where `arenalab chat` and the language server keep remembered violations. */
  storeDir: () => string | undefined;
  log: (line: string) => void;
}

/** Why a candidate was not shown: the principles it broke. Its text is never repeated here. */
export interface WithheldCandidate {
  principleIds: string[];
  reason: string;
}

/** `rootOf` for hosts that serve one folder (the API, the CLI): every engine key is a path in it. */
export function singleFolder(root: string): (key: string) => FolderPath | undefined {
  return (key) => (key.includes(':') ? undefined : { root, relative: key });
}

/** .gitignore edits are picked up within this long (filters cache each folder's rules). */
const FILTER_LIFETIME_MS = 60_000;
/** The end of the prefix the harm check reads: enough for the request's intent, bounded for latency. */
const PREFIX_CHARS = 2048;

/**
 * The constitution of one workspace: a suggestion that carries a secret, comes from an excluded or gitignored file,
 * is harmful, or is close to a remembered violation is withheld, with the reason in the log. Remembered violations
 * are read from the store folder when it changes, so what the chat learned applies to completions too.
 */
export class WorkspaceConstitution {
  private reviewer: { storeDir: string | undefined; value: Promise<ConstitutionalReviewer> } | undefined;
  private filters: { madeAt: number; byRoot: Map<string, { key: string; filter: WorkspaceFileFilter }> } | undefined;

  constructor(private readonly deps: WorkspaceConstitutionDeps) {}

  /** The candidates the constitution allows, in their order, and why the others were withheld. */
  async reviewCompletions(candidates: readonly CompletionCandidate[], request: { prefix: string; language: string }, token?: Cancellation): Promise<{ allowed: CompletionCandidate[]; withheld: WithheldCandidate[] }> {
    if (candidates.length === 0) return { allowed: [], withheld: [] };
    const reviewer = await this.currentReviewer(token);
    const allowed: CompletionCandidate[] = [];
    const withheld: WithheldCandidate[] = [];
    for (const candidate of candidates) {
      const sourceFiles = candidate.provenance.flatMap((source) => (source.file === undefined ? [] : [source.file]));
      const completion = { text: candidate.text, confidence: candidate.confidence, sourceFiles, prefix: request.prefix.slice(-PREFIX_CHARS), domain: `programming/${request.language}` };
      const { allowed: ok, review } = await checkCompletion(reviewer, completion, token);
      if (ok) {
        allowed.push(candidate);
        continue;
      }
      const reason = review.violations.map((v) => `${v.principleId} (${v.reason})`).join('; ');
      withheld.push({ principleIds: review.violations.map((v) => v.principleId), reason });
      this.deps.log(`suggestion withheld by the constitution: ${reason}`);
    }
    return { allowed, withheld };
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
    const at = this.deps.rootOf(key);
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
