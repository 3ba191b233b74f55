import { RequestType0 } from 'vscode-languageserver-protocol';

/** One stored version of a dataset, with what the Datasets view shows under it. */
export interface DatasetVersionInfo {
  version: string;
  frozen: boolean;
  created_at: string;
  merkle_root: string;
  span_count: number;
  avg_quality: number;
  /** Full domain path → spans. */
  domains: Record<string, number>;
  /** Quality meter classes → spans. */
  classes: Record<string, number>;
  /** Quality bucket (`'80'` = 80–89, `'100'` = a perfect score) → spans, ascending buckets. */
  quality_histogram: { bucket: string; count: number }[];
  date_range: { start: string; end: string } | null;
  /** Set when the version could not be loaded and verified; the other stats then come from its manifest only. */
  problem?: string;
}

export interface DatasetInfo {
  name: string;
  /** Oldest first. */
  versions: DatasetVersionInfo[];
}

export interface DatasetsResult {
  /** The workspace store the datasets live in; absent when the server has no store (no folder open). */
  storeDir?: string;
  datasets: DatasetInfo[];
}

/** `arenalab/datasets`, client → server request: every dataset of the workspace store with versions and stats. */
export const DatasetsRequest = new RequestType0<DatasetsResult, void>('arenalab/datasets');
