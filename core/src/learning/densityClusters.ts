/**
 * DBSCAN over items compared pairwise: a point with at least `minPoints` neighbours (itself included) at similarity
 * ≥ `minSimilarity` is a core point; clusters are core points linked through each other plus the points they
 * reach. Points in no cluster are noise and left out. Deterministic: items are visited in order, so each cluster
 * lists its members in ascending index order.
 */
export function densityClusters(count: number, similarity: (i: number, j: number) => number, minSimilarity: number, minPoints: number): number[][] {
  const neighbours: number[][] = Array.from({ length: count }, (_, i) => [i]);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      if (similarity(i, j) >= minSimilarity) {
        neighbours[i].push(j);
        neighbours[j].push(i);
      }
    }
  }
  const cluster = new Array<number>(count).fill(-1);
  const clusters: number[][] = [];
  for (let seed = 0; seed < count; seed++) {
    if (cluster[seed] !== -1 || neighbours[seed].length < minPoints) continue;
    const id = clusters.length;
    const members: number[] = [];
    const queue = [seed];
    cluster[seed] = id;
    while (queue.length > 0) {
      const point = queue.shift()!;
      members.push(point);
      if (neighbours[point].length < minPoints) continue; // a border point joins but does not extend the cluster
      for (const next of neighbours[point]) {
        if (cluster[next] !== -1) continue;
        cluster[next] = id;
        queue.push(next);
      }
    }
    clusters.push(members.sort((a, b) => a - b));
  }
  return clusters;
}

/** Mean similarity over all pairs of members; 1 for a single member. */
export function coherence(members: readonly number[], similarity: (i: number, j: number) => number): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      sum += similarity(members[a], members[b]);
      pairs++;
    }
  }
  return pairs === 0 ? 1 : sum / pairs;
}

const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|[^\s\w]/g;

/** Cosine similarity of two texts' token counts (identifiers, numbers, single punctuation): 1 for the same tokens. */
export function tokenCosine(a: string, b: string): number {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const token of text.match(TOKEN) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const left = count(a);
  const right = count(b);
  let dot = 0;
  for (const [token, n] of left) dot += n * (right.get(token) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const denominator = norm(left) * norm(right);
  return denominator === 0 ? (a.trim() === b.trim() ? 1 : 0) : dot / denominator;
}
