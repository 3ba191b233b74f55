import type { DatasetsResult } from '@arenalab/protocol';
import { datasetOverview } from '../../curation';
import type { LspContext } from '../lspContext';

/** `arenalab/datasets`: the workspace store's datasets, versions and stats; empty without a store. */
export function onDatasets(ctx: LspContext): DatasetsResult {
  const storeDir = ctx.store.dir;
  if (storeDir === undefined) return { datasets: [] };
  return { storeDir, datasets: datasetOverview(storeDir) };
}
