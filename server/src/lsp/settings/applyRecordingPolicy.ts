import type { LspContext } from '../lspContext';

/**
 * Sets what the outcome recorder keeps from the three switches: the start-up flag (off wins), the client's
 * `arenalab.recording.enabled`, and workspace trust (an untrusted workspace records no runs). Logged when it changes.
 */
export function applyRecordingPolicy(ctx: LspContext): void {
  const activity = ctx.settings.recording !== false && ctx.clientSettings.recording.enabled;
  const policy = { activity, runs: ctx.trusted };
  const before = ctx.outcomes.recordingPolicy;
  if (before.activity === policy.activity && before.runs === policy.runs) return;
  ctx.outcomes.setPolicy(policy);
  const what = !activity ? 'off: no suggestion outcomes, edits or runs are recorded' : policy.runs ? 'on' : 'on, except runs (the workspace is not trusted)';
  ctx.connection.console.info(`recording ${what}`);
}
