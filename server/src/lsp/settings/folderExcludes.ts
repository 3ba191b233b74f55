import { pathToFileURL } from 'node:url';
import { SETTINGS_SECTION } from '@arenalab/protocol';
import type { LspContext } from '../lspContext';
import { validateClientSettings } from './clientSettings';

/**
 * `arenalab.excludes` is a per-folder setting: each workspace folder's own value, asked for with the folder as the
 * scope (a folder's `.vscode/settings.json` wins over the workspace's and the user's). A folder whose value is wrong
 * keeps the window's value; the problem is shown once by the window-wide pull, which reads the same files.
 */
export async function pullFolderExcludes(ctx: LspContext): Promise<Map<string, readonly string[]>> {
  const roots = ctx.roots.all;
  const byRoot = new Map<string, readonly string[]>();
  if (!ctx.pullsConfiguration || roots.length === 0) return byRoot;
  const items = roots.map((root) => ({ scopeUri: pathToFileURL(root).href, section: SETTINGS_SECTION }));
  const answers: unknown = await ctx.connection.workspace.getConfiguration(items);
  const sections = Array.isArray(answers) ? answers : [answers];
  roots.forEach((root, index) => {
    const { settings, problems } = validateClientSettings(sections[index]);
    const wrong = problems.some((problem) => problem.startsWith('arenalab.excludes:'));
    if (sections[index] !== undefined && sections[index] !== null && !wrong) byRoot.set(root, settings.excludes);
  });
  return byRoot;
}

/** The exclusions that apply in a workspace folder: its own value, else the window's. */
export function excludesFor(ctx: Pick<LspContext, 'clientSettings' | 'folderExcludes'>, root: string | undefined): readonly string[] {
  return (root === undefined ? undefined : ctx.folderExcludes.get(root)) ?? ctx.clientSettings.excludes;
}
