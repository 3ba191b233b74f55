import { SETTINGS_SECTION } from '@arenalab/protocol';
import type { LspContext } from '../lspContext';
import { applyRecordingPolicy } from './applyRecordingPolicy';
import { validateClientSettings } from './clientSettings';

/**
 * Asks the client for the `arenalab` settings section (when it can answer workspace/configuration) and validates
 * it once; each wrong setting is shown to the developer and logged, and its safe default used. Resolves to whether the
 * excludes changed, which only a re-index can apply.
 */
export async function pullClientSettings(ctx: LspContext): Promise<boolean> {
  if (!ctx.pullsConfiguration) return false;
  const before = JSON.stringify(ctx.clientSettings.excludes);
  const raw: unknown = await ctx.connection.workspace.getConfiguration(SETTINGS_SECTION);
  const { settings, problems } = validateClientSettings(raw);
  ctx.clientSettings = settings;
  applyRecordingPolicy(ctx);
  for (const problem of problems) {
    ctx.connection.console.warn(problem);
    void ctx.connection.window.showWarningMessage(problem);
  }
  return JSON.stringify(settings.excludes) !== before;
}
