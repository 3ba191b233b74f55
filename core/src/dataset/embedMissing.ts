import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import type { Span } from '../spans/span';
import { spanEmbeddingText } from '../quality/curateSpans';

/**
 * Embeds the spans that have no vector of the right dimension yet, in batches, and returns one vector per
 * span in order. Vectors made by curation are reused as they are, so no span is embedded twice.
 */
export async function embedMissing(
  items: readonly { span: Span; embedding?: Float32Array }[],
  embedder: Embedder,
  batchSize: number,
  token?: Cancellation,
): Promise<Float32Array[]> {
  const result = items.map((item) => (item.embedding?.length === embedder.dimension ? item.embedding : undefined));
  const missing = result.flatMap((vector, i) => (vector ? [] : [i]));
  const size = Math.max(1, Math.floor(batchSize));
  for (let start = 0; start < missing.length; start += size) {
    throwIfCancelled(token, 'embedding dataset spans');
    const slots = missing.slice(start, start + size);
    const vectors = await embedder.embed(slots.map((slot) => spanEmbeddingText(items[slot].span)), token);
    slots.forEach((slot, i) => (result[slot] = vectors[i]));
  }
  return result as Float32Array[];
}
