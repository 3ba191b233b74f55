// Time to redact ordinary source: the .ts/.js/.py files of a folder, concatenated in path order up to --mb megabytes,
// cut into chunks of --chunk-kb (about the size of one file or chat turn) and passed to redactSecrets one by one.
// Prints one JSON line. A benchmark, not a test: nothing is asserted.
//
//   npx tsc -b && node scripts/benchRedaction.mjs --repo node_modules/typescript/lib [--mb 10] [--chunk-kb 8] [--runs 3]
//
// --invisible puts a zero-width space at the start of every chunk, so that every chunk takes the normalising path.
// --redactor PATH loads redactSecrets from another build (e.g. an older version compiled elsewhere) to compare.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { repo: { type: 'string' }, mb: { type: 'string', default: '10' }, 'chunk-kb': { type: 'string', default: '8' }, runs: { type: 'string', default: '3' }, redactor: { type: 'string' }, invisible: { type: 'boolean', default: false } } });
if (!values.repo) {
  process.stderr.write('usage: node scripts/benchRedaction.mjs --repo DIR [--mb 10] [--chunk-kb 8] [--runs 3]\n');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { redactSecrets } = require(values.redactor ? path.resolve(values.redactor) : '../core/out/secrets/redactSecrets.js');

function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) sourceFiles(full, out);
    else if (entry.isFile() && /\.(ts|js|py)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const limit = Number(values.mb) * 1024 * 1024;
let text = '';
for (const file of sourceFiles(values.repo)) {
  if (text.length >= limit) break;
  text += fs.readFileSync(file, 'utf8') + '\n';
}
text = text.slice(0, limit);
const chunkSize = Number(values['chunk-kb']) * 1024;
const chunks = [];
for (let at = 0; at < text.length; at += chunkSize) chunks.push((values.invisible ? '\u200b' : '') + text.slice(at, at + chunkSize));

const seconds = [];
let redacted = 0;
let counts = {};
for (let run = 0; run < Number(values.runs); run++) {
  const start = process.hrtime.bigint();
  redacted = 0;
  counts = {};
  for (const chunk of chunks) {
    const result = redactSecrets(chunk);
    if (result.text !== chunk) redacted++;
    for (const [kind, n] of Object.entries(result.counts)) counts[kind] = (counts[kind] ?? 0) + n;
  }
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const best = Math.min(...seconds);
const nonAscii = (text.match(/[^\x00-\x7f]/g) ?? []).length;
process.stdout.write(JSON.stringify({
  benchmark: 'redaction', repo: values.repo, invisible: values.invisible, mb: Math.round((text.length / 1048576) * 100) / 100, chunks: chunks.length,
  non_ascii_chars: nonAscii, seconds: seconds.map((s) => Math.round(s * 1000) / 1000), best_mb_per_s: Math.round((text.length / 1048576 / best) * 10) / 10,
  chunks_changed: redacted, counts, node: process.version,
}) + '\n');
