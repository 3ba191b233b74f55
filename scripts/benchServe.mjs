// Latency and throughput of a running `arenalab serve` on /v1/completions, with prompts cut from a folder's .ts/.js/.py
// files at seeded random lines (prefix = the lines before, suffix = the lines after). A benchmark, not a test.
//
//   node scripts/benchServe.mjs --url http://127.0.0.1:8080 --repo node_modules/rxjs/src [--requests 300] [--concurrency 1] [--key KEY]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { url: { type: 'string' }, repo: { type: 'string' }, requests: { type: 'string', default: '300' }, concurrency: { type: 'string', default: '1' }, key: { type: 'string' }, seed: { type: 'string', default: '1' } } });
if (!values.url || !values.repo) {
  process.stderr.write('usage: node scripts/benchServe.mjs --url URL --repo DIR [--requests N] [--concurrency C] [--key KEY] [--seed S]\n');
  process.exit(2);
}

function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) sourceFiles(full, out);
    else if (entry.isFile() && /\.(ts|js|py)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

let state = Number(values.seed);
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const files = sourceFiles(values.repo);
const bodies = Array.from({ length: Number(values.requests) }, () => {
  const file = files[Math.floor(random() * files.length)];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = 1 + Math.floor(random() * Math.max(1, lines.length - 1));
  return JSON.stringify({ model: 'workspace', prompt: lines.slice(0, at).join('\n') + '\n', suffix: lines.slice(at).join('\n'), file: path.relative(values.repo, file).split(path.sep).join('/') });
});

const headers = { 'content-type': 'application/json', ...(values.key ? { authorization: `Bearer ${values.key}` } : {}) };
const latencies = [];
let shown = 0;
let next = 0;
async function worker() {
  while (next < bodies.length) {
    const body = bodies[next++];
    const start = performance.now();
    const response = await fetch(`${values.url}/v1/completions`, { method: 'POST', headers, body });
    const answer = await response.json();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer)}`);
    latencies.push(performance.now() - start);
    if (answer.choices[0].text !== '') shown += 1;
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
process.stdout.write(JSON.stringify({ requests: latencies.length, concurrency: Number(values.concurrency), req_per_s: Math.round((latencies.length / seconds) * 10) / 10, p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), shown }) + '\n');
