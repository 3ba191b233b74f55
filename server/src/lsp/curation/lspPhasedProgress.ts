import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { PhasedProgress } from '@arenalab/core';

/** The pipeline's phase-labelled progress as one `$/progress` bar: the phase name and its percentage. */
export function lspPhasedProgress(reporter: WorkDoneProgressServerReporter): PhasedProgress {
  return {
    phase: (label) => ({
      report: (done, total) => reporter.report(total ? Math.min(100, Math.round((done * 100) / total)) : 0, `${label}: ${done}/${total ?? '?'}`),
    }),
  };
}
