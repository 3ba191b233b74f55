// How long one huge chat message holds `arenalab serve`, and how long /health waits meanwhile:
//   node scripts/measureHugeChat.mjs --url http://127.0.0.1:8080 [--model team@1.0.0] [--sizes 40000,80000,18000]
// Each size N sends the message "search " × N alone on a fresh connection while /health is asked every 20 ms; prints
// the chat's status and time, and the longest /health answer time during it. Loopback only; no key needed.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { url: { type: 'string' }, model: { type: 'string', default: 'team@1.0.0' }, sizes: { type: 'string', default: '40000,80000,18000' } } });
if (!values.url) {
  process.stderr.write('usage: node scripts/measureHugeChat.mjs --url URL [--model ID] [--sizes N,N,...]\n');
  process.exit(2);
}

async function timed(promise) {
  const started = performance.now();
  const result = await promise;
  return { result, ms: Math.round(performance.now() - started) };
}

for (const n of values.sizes.split(',').map(Number)) {
  const content = 'search '.repeat(n);
  const body = JSON.stringify({ model: values.model, messages: [{ role: 'user', content }] });
  let done = false;
  const chat = timed(fetch(`${values.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, text: await r.text() })));
  void chat.then(() => (done = true));
  let worstHealthMs = 0;
  let healthAnswers = 0;
  let healthErrors = 0;
  while (!done) {
    const { result: ok, ms } = await timed(fetch(`${values.url}/health`).then((r) => r.text()).then(() => true, () => false));
    worstHealthMs = Math.max(worstHealthMs, ms);
    if (ok) healthAnswers += 1;
    else healthErrors += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { result, ms } = await chat;
  const code = result.status === 200 ? '' : ` ${JSON.parse(result.text).error.code}`;
  process.stdout.write(`${(content.length / 1000).toFixed(0)} KB chat: ${result.status}${code} in ${ms} ms; /health answered ${healthAnswers} times meanwhile (${healthErrors} failed), slowest ${worstHealthMs} ms\n`);
}
