import type { DiamondDataset } from './datasetTypes';
import { FrozenDatasetError } from './datasetErrors';

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/**
 * An immutable snapshot: a structural copy with `frozen: true`, deep-frozen, so any write throws in strict mode
 * and every dataset function that would change it throws {@link FrozenDatasetError}. The embedding table is
 * immutable by construction and shared.
 */
export function freezeDataset(dataset: DiamondDataset): DiamondDataset {
  if (dataset.frozen && Object.isFrozen(dataset)) return dataset;
  const { vectors, ...plain } = dataset;
  const copy: DiamondDataset = { ...structuredCopy(plain), frozen: true, vectors };
  return deepFreeze(copy);
}

/** Throws when the dataset is frozen; called by every function that derives a changed dataset. */
export function assertNotFrozen(dataset: DiamondDataset): void {
  if (dataset.frozen) throw new FrozenDatasetError(dataset.id);
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
