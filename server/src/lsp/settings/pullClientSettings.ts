import { SETTINGS_SECTION } from '@arenalab/protocol';
import type { LspContext } from '../lspContext';
import { applyRecordingPolicy } from './applyRecordingPolicy';
import { validateClientSettings } from './clientSettings';
import { folderExcludesFrom, folderSettingsItems } from './folderExcludes';

/** The editor's `http.proxy` from its `http` section, when it has one (VS Code's own setting). */
function httpProxyOf(http: unknown): string | undefined {
  const proxy = typeof http === 'object' && http !== null ? (http as { proxy?: unknown }).proxy : undefined;
  return typeof proxy === 'string' && proxy.trim() !== '' ? proxy.trim() : undefined;
}

/**
 * Asks the client for the `arenalab` settings section, VS Code's `http` section (the proxy) and each folder's
 * `arenalab` section, in one workspace/configuration request (when the client can answer it); validates the first
 * once; each wrong setting is shown to the developer and logged, and its safe default used; a setting read under
 * its old name is logged once per server. Resolves to whether the excludes (the window's or a folder's) changed,
 * which only a re-index can apply.
 */
export async function pullClientSettings(ctx: LspContext): Promise<boolean> {
  if (!ctx.pullsConfiguration) return false;
  const before = JSON.stringify([ctx.clientSettings.excludes, [...ctx.folderExcludes]]);
  const roots = ctx.roots.all;
  // One request, so a client that answers only the first item (or a test harness) still works, and no later
  // request of this pull can be mistaken for the next pull's.
  const answers: unknown = await ctx.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }, { section: 'http' }, ...folderSettingsItems(roots)]);
  const [raw, http, ...folders] = Array.isArray(answers) ? answers : [answers];
  const { settings, problems, notices } = validateClientSettings(raw);
  ctx.clientSettings = settings;
  ctx.folderExcludes = folderExcludesFrom(roots, folders);
  ctx.httpProxy = httpProxyOf(http);
  applyRecordingPolicy(ctx);
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
