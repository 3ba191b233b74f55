import { InvalidArgumentError } from 'commander';

/** A dataset reference on the command line: `name` (the latest version) or `name@1.2.0`. */
export interface DatasetRef {
  name: string;
  version?: string;
}

export function parseDatasetRef(text: string): DatasetRef {
  const at = text.lastIndexOf('@');
  if (at === 0 || at === text.length - 1) throw new InvalidArgumentError(`expected NAME or NAME@VERSION, got "${text}"`);
  return at < 0 ? { name: text } : { name: text.slice(0, at), version: text.slice(at + 1) };
}

export function datasetRefText(name: string, version: string): string {
  return `${name}@${version}`;
}
