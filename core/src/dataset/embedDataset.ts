import type { Cancellation } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import type { VectorIndex } from '../index/vectorIndex';
import { assembleDataset } from './buildDiamondDataset';
import type { DiamondDataset } from './datasetTypes';
import { embedMissing } from './embedMissing';
import { EmbeddingTable } from './embeddingTable';
import { assertNotFrozen } from './freezeDataset';

/**
 * Gives an imported dataset its vectors back (exports do not carry them). Spans that already have a vector
 * from the same embedder keep it. Not allowed on a frozen dataset: import unfrozen, embed, then freeze.
 */
export async function embedDataset(dataset: DiamondDataset, embedder: Embedder, batchSize = 256, token?: Cancellation): Promise<DiamondDataset> {
  assertNotFrozen(dataset);
  const same = dataset.vectors?.embedderId === embedder.id ? dataset.vectors : undefined;
  const items = dataset.spans.map((entry) => ({ span: entry.span, embedding: same?.get(entry.span.id) }));
  const vectors = await embedMissing(items, embedder, batchSize, token);
  const table = EmbeddingTable.from(embedder.id, embedder.dimension, dataset.spans.map((entry, i) => [entry.span.id, vectors[i]]));
  const next = assembleDataset(dataset.spans, table, dataset.config, dataset.created_at);
  return { ...next, id: dataset.id, name: dataset.name, version: dataset.version };
}

/** A searchable vector index over the dataset's embeddings (empty when it has none). */
export function datasetVectorIndex(dataset: DiamondDataset, createIndex: (dimension: number) => VectorIndex): VectorIndex {
  return dataset.vectors ? dataset.vectors.toIndex(createIndex) : createIndex(Math.max(1, dataset.indices.vector.dimension));
}
