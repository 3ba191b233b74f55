/** Long work reports progress through this port; the CLI draws a bar, the LSP server sends $/progress. */
export interface Progress {
  report(done: number, total: number | undefined, message?: string): void;
}

export const silentProgress: Progress = { report: () => undefined };

/** Long work in named phases (read the store, quality, dataset): each phase reports on a Progress of its own. */
export interface PhasedProgress {
  phase(label: string): Progress;
}

export const silentPhasedProgress: PhasedProgress = { phase: () => silentProgress };
