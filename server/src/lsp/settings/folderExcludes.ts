import { pathToFileURL } from 'node:url';
import { SETTINGS_SECTION } from '@arenalab/protocol';
import type { LspContext } from '../lspContext';
import { validateClientSettings } from './clientSettings';

/**
 * `arenalab.excludes` is a per-folder setting: each workspace folder's own value is asked for with the folder as the
 * scope (a folder's `.vscode/settings.json` wins over the workspace's and the user's).
 */
export function folderSettingsItems(roots: readonly string[]): { scopeUri: string; section: string }[] {
  return roots.map((root) => ({ scopeUri: pathToFileURL(root).href, section: SETTINGS_SECTION }));
}

/**
 * Each folder's excludes from the client's answers to {@link folderSettingsItems}, in the same order. A folder with
 * no answer, or a wrong value, keeps the window's; the problem is shown once by the window-wide pull, which reads
 * the same files.
 */
export function folderExcludesFrom(roots: readonly string[], answers: readonly unknown[]): Map<string, readonly string[]> {
  const byRoot = new Map<string, readonly string[]>();
  roots.forEach((root, index) => {
    const answer = answers[index];
    if (answer === undefined || answer === null) return;
    const { settings, problems } = validateClientSettings(answer);
    if (!problems.some((problem) => problem.startsWith('arenalab.excludes:'))) byRoot.set(root, settings.excludes);
  });
  return byRoot;
}

/** The exclusions that apply in a workspace folder: its own value, else the window's. */
export function excludesFor(ctx: Pick<LspContext, 'clientSettings' | 'folderExcludes'>, root: string | undefined): readonly string[] {
  return (root === undefined ? undefined : ctx.folderExcludes.get(root)) ?? ctx.clientSettings.excludes;
}
