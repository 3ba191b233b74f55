/** Long work reports progress through this port; the CLI draws a bar, the LSP server sends $/progress. */
export interface Progress {
  report(done: number, total: number | undefined, message?: string): void;
}

export const silentProgress: Progress = { report: () => undefined };
