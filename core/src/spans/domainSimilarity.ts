function segments(domain: string): string[] {
  return domain.trim().toLowerCase().split('/').filter((part) => part !== '');
}

/**
 * How close two domain paths are, in [0, 1]: 1 when equal (case and surrounding slashes ignored),
 * otherwise the number of leading segments they share divided by the depth of the deeper one.
 * So `programming/typescript` vs `programming/python` is 1/2, `programming` vs
 * `programming/typescript` is 1/2, `data/sql` vs `math` is 0.
 */
export function domainSimilarity(a: string, b: string): number {
  const left = segments(a);
  const right = segments(b);
  const depth = Math.max(left.length, right.length);
  if (depth === 0) return 1;
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared / depth;
}
