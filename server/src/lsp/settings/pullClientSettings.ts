import { SETTINGS_SECTION } from '@arenalab/protocol';
import type { LspContext } from '../lspContext';
import { validateClientSettings } from './clientSettings';
import { pullFolderExcludes } from './folderExcludes';

/**
 * Asks the client for the `arenalab` settings section (when it can answer workspace/configuration) and validates
 * it once; each wrong setting is shown to the developer and logged, and its safe default used; a setting read under
 * its old name is logged once per server. Resolves to whether the excludes (the window's or a folder's) changed,
 * which only a re-index can apply.
 */
export async function pullClientSettings(ctx: LspContext): Promise<boolean> {
  if (!ctx.pullsConfiguration) return false;
  const before = JSON.stringify([ctx.clientSettings.excludes, [...ctx.folderExcludes]]);
  const raw: unknown = await ctx.connection.workspace.getConfiguration(SETTINGS_SECTION);
  const { settings, problems, notices } = validateClientSettings(raw);
  ctx.clientSettings = settings;
  ctx.folderExcludes = await pullFolderExcludes(ctx);
  for (const problem of problems) {
    ctx.connection.console.warn(problem);
    void ctx.connection.window.showWarningMessage(problem);
  }
  for (const notice of notices.filter((line) => !ctx.noticesLogged.has(line))) {
    ctx.noticesLogged.add(notice);
    ctx.connection.console.info(notice);
  }
  return JSON.stringify([settings.excludes, [...ctx.folderExcludes]]) !== before;
}
