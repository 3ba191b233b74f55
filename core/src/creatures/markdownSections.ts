import type { DocSection } from './knowledgeSources';

/** A Markdown file cut at its headings (`#` … `######`), outside fenced code; the heading path names each section. */
export function markdownSections(file: string, text: string): DocSection[] {
  const lines = text.split('\n');
  const sections: DocSection[] = [];
  const path: string[] = [];
  let current: { heading: string; line: number; body: string[] } = { heading: '', line: 0, body: [] };
  let fenced = false;
  const flush = (): void => {
    const body = current.body.join('\n').trim();
    if (body !== '' || current.heading !== '') sections.push({ file, heading: current.heading, line: current.line, text: body });
  };
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(lines[i]);
    if (!heading) {
      current.body.push(lines[i]);
      continue;
    }
    flush();
    const depth = heading[1].length;
    path.length = Math.min(path.length, depth - 1);
    path.push(heading[2]);
    current = { heading: path.join(' › '), line: i, body: [] };
  }
  flush();
  return sections;
}

/** Whether a path is documentation the creature reads (Markdown). */
export function isDocFile(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
