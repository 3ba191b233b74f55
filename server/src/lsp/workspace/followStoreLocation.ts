import { openOutcomeStore, outcomeStoreDir } from '../../outcomes';
import { learnFromStore } from '../learning/learnFromStore';
import type { LspContext } from '../lspContext';

/**
 * Where outcome spans go under the current settings: `arenalab.store.location` when the client sets it, else the
 * ARENALAB_STORE override the server was started with (for editors without settings, and scripts), else `.arenalab/`
 * in the first workspace folder.
 */
export function currentStoreDir(ctx: LspContext): string | undefined {
  return outcomeStoreDir(ctx.roots.all, ctx.clientSettings.store.location ?? ctx.settings.storeLocation);
}

/**
 * Opens the outcome store on first call, and afterwards moves recording whenever the location changed (a new
 * setting, or the first workspace folder changed): what was recorded so far is made durable in the old store and
 * that store closed before the new one opens, so no restart is needed and nothing acknowledged is lost. The
 * outcomes already in the store are learned from.
 */
export async function followStoreLocation(ctx: LspContext): Promise<void> {
  const dir = currentStoreDir(ctx);
  if (ctx.store.opened && ctx.store.dir === dir) return;
  const moving = ctx.store.opened;
  ctx.store = { opened: true, dir };
  const log = (line: string) => ctx.connection.console.info(line);
  if (moving) log(`the outcome store moves to ${dir ?? '(none)'}`);
  await ctx.outcomes.relocate(() => openOutcomeStore(dir, log));
  if (dir !== undefined) await learnFromStore(ctx, dir, log);
}
