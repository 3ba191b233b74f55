import { CompletionEngine, sampleNextLineCases } from '@arenalab/core';
import type { Cancellation, Clock, CompletionCandidate, NextLineCase, Progress } from '@arenalab/core';
import { CompletionService, singleFolder, WorkspaceConstitution } from '../answering';
import { indexWorkspaceFiles, listWorkspaceFiles, readWorkspaceFile } from '../workspace';

/** One suggestion shown by the main job: where, what the engine said, and the real line it was hidden from. */
export interface ShownCompletion {
  file: string;
  /** 1-based, as editors show it. */
  line: number;
  /** The real line, whitespace-trimmed; the engine never saw it. */
  actual: string;
  text: string;
  confidence: number;
  method: string;
  /** Where the suggestion came from, 1-based lines. */
  sources: { file?: string; line?: number; similarity: number }[];
  matches: boolean;
}

export interface CompletionShowcase {
  index: { files: number; windows: number; build_s: number };
  /** Held-out lines tried, and how many of them the engine would show and got exactly right. */
  tried: number;
  shown: number;
  exact: number;
  threshold: number;
  examples: ShownCompletion[];
}

export interface ShowcaseConfig {
  /** Lines tried per file (seeded sample, as the next-line benchmark does). */
  perFile: number;
  /** Most files tried; the index still holds every file. */
  maxFiles: number;
  /** Most examples printed. */
  examples: number;
}

export const DEFAULT_SHOWCASE_CONFIG: ShowcaseConfig = { perFile: 6, maxFiles: 40, examples: 4 };

/** What the showcase's completion service needs beyond the folder: the store lends its remembered violations. */
export interface ShowcaseContext {
  storeDir: string;
  clock: Clock;
  log: (line: string) => void;
}

function shown(c: NextLineCase, best: CompletionCandidate): ShownCompletion {
  const text = best.text.split('\n')[0];
  return {
    file: c.file,
    line: c.line + 1,
    actual: c.target,
    text,
    confidence: best.confidence,
    method: best.method,
    sources: best.provenance.map((p) => ({ file: p.file, line: p.line === undefined ? undefined : p.line + 1, similarity: p.similarity })),
    matches: text.trim() === c.target,
  };
}

/** The examples printed: the most confident, at most one per file first so the output shows the workspace's range. */
function pickExamples(all: ShownCompletion[], count: number): ShownCompletion[] {
  const ranked = [...all].sort((a, b) => b.confidence - a.confidence || a.file.localeCompare(b.file) || a.line - b.line);
  const picked: ShownCompletion[] = [];
  const files = new Set<string>();
  for (const s of ranked) {
    if (picked.length < count && !files.has(s.file)) {
      files.add(s.file);
      picked.push(s);
    }
  }
  for (const s of ranked) if (picked.length < count && !picked.includes(s)) picked.push(s);
  return picked;
}

/**
 * Indexes a workspace's source files and completes at seeded lines of them. Each line is honest: its file is taken
 * out of the index while it is completed (the engine sees the file's text before and after the line only, never the
 * line), then put back. Suggestions come through the completion service, as in the editor, so what the constitution
 * withholds (a secret, content of an excluded file) is never printed. Returns the index's size, how many of the lines
 * would be shown and were exact, and examples.
 */
export async function showCompletions(root: string, context: ShowcaseContext, config: ShowcaseConfig, token: Cancellation, progress: Progress): Promise<CompletionShowcase> {
  const engine = new CompletionEngine();
  const constitution = new WorkspaceConstitution({ clock: context.clock, rootOf: singleFolder(root), excludes: () => [], storeDir: () => context.storeDir, log: context.log });
  const completions = new CompletionService(engine, constitution);
  const files = listWorkspaceFiles(root, {});
  const built = await indexWorkspaceFiles(engine, files, token, progress);
  const sources = files.slice(0, config.maxFiles).map((f) => ({ path: f.path, language: f.language, text: readWorkspaceFile(f) }));
  const threshold = engine.config.showThreshold;
  const results: ShownCompletion[] = [];
  let tried = 0;
  for (const source of sources) {
    engine.removeFile(source.path);
    for (const c of sampleNextLineCases([source], { perFile: config.perFile, seed: 1 })) {
      tried++;
      const result = await completions.complete({ file: c.file, language: c.language, prefix: c.prefix, suffix: c.suffix }, { token });
      const best = result.candidates[0];
      if (best !== undefined && best.confidence >= threshold) results.push(shown(c, best));
    }
    engine.addFile(source.path, source.language, source.text);
  }
  return {
    index: { files: built.files, windows: built.windows, build_s: built.build_s },
    tried,
    shown: results.length,
    exact: results.filter((r) => r.matches).length,
    threshold,
    examples: pickExamples(results, config.examples),
  };
}
