import type { LspContext } from '../lspContext';

/** Refit after this many new outcomes: one outcome moves a fitted threshold very little, and fitting is not free. */
const REFIT_EVERY = 50;

interface Fitted {
  target: number;
  fallback: number;
  outcomes: number;
  threshold: number;
}

const fitted = new WeakMap<LspContext, Fitted>();

/**
 * The confidence a suggestion needs to be shown: `arenalab.confidenceThreshold`, or, when `arenalab.targetPrecision`
 * is set, the threshold fitted on the logged outcomes to reach that precision (the configured one until enough
 * outcomes are logged). Refitted when the settings change and every REFIT_EVERY outcomes.
 */
export function showThreshold(ctx: LspContext): number {
  const { targetPrecision: target, confidenceThreshold: fallback } = ctx.clientSettings;
  if (target === null) return fallback;
  const known = fitted.get(ctx);
  const outcomes = ctx.learner.size;
  if (known && known.target === target && known.fallback === fallback && outcomes - known.outcomes < REFIT_EVERY) return known.threshold;
  const fit = ctx.learner.showThreshold(target, fallback);
  if (fit.calibrated) ctx.connection.console.info(`show threshold ${fit.threshold.toFixed(3)} for target precision ${target} (precision ${fit.precision?.toFixed(3)}, coverage ${fit.coverage?.toFixed(3)} on ${fit.points} logged outcomes)`);
  fitted.set(ctx, { target, fallback, outcomes, threshold: fit.threshold });
  return fit.threshold;
}
