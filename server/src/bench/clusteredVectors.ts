import { seededRandom } from '@arenalab/core';

/**
 * Gaussian blobs: `clusters` random centres and points = centre + noise, which is how real embeddings are spread
 * (uniform random vectors have no neighbour structure and say nothing about an ANN index). Seeded.
 */
export function clusteredVectors(seed: number, count: number, dimension: number, clusters: number, noise: number): Float32Array[] {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dimension }, gaussian));
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random.next() * clusters)];
    return Float32Array.from(centre, (x) => x + noise * gaussian());
  });
}
