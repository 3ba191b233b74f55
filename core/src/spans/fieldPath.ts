/** A path segment as people read it: plain names as they are, empty or odd names (dots, spaces, quotes) JSON-quoted. */
function segment(key: PropertyKey): string {
  const name = String(key);
  return /^[\w$-]+$/.test(name) ? name : JSON.stringify(name);
}

/** A dotted field path such as `context.previous_spans.2`; `-` for the record itself. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '-' : path.map(segment).join('.');
}
