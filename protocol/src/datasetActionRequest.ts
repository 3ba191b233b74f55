import { RequestType } from 'vscode-languageserver-protocol';

/** What the Datasets view can do to the workspace store's datasets. */
export type DatasetActionParams =
  | { action: 'build'; name: string; maxPerDomain?: number }
  | { action: 'freeze'; name: string; version: string }
  | { action: 'export'; name: string; version: string; folder: string }
  | { action: 'import'; folder: string };

export type DatasetActionResult =
  | { ok: true; action: DatasetActionParams['action']; name: string; version: string; merkle_root: string; span_count: number; message: string }
  /** Refused or failed: `code` is the repository's error code (e.g. `DATASET_CORRUPT` for a tampered import), `reason` says why. */
  | { ok: false; action: string; code: string; reason: string };

/**
 * `arenalab/datasetAction`, client → server request: build the next version from the store, freeze a version, export
 * it to a folder, or import an exported folder (every span hash and the Merkle root verified; a tampered file is
 * refused with the reason). Answers `{ ok: false }` for bad input instead of failing the request.
 */
export const DatasetActionRequest = new RequestType<DatasetActionParams, DatasetActionResult, void>('arenalab/datasetAction');
