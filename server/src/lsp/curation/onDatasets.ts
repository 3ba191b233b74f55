import type { DatasetsResult } from '@arenalab/protocol';
import { datasetOverview } from '../../curation';

/** `arenalab/datasets`: the workspace store's datasets, versions and stats; empty without a store. */
export function onDatasets(storeDir: string | undefined): DatasetsResult {
  if (storeDir === undefined) return { datasets: [] };
  return { storeDir, datasets: datasetOverview(storeDir) };
}
