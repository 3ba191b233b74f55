import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Secrets in formats redaction used to miss, ingested by the real CLI (a child process on the built launcher) into
// a temporary store; the store's log on disk must hold none of them, not even behind invisible or full-width
// characters.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');

const AWS_SECRET = 'q3Vt8LmZ2xR7nK4pW9sB1cD6fG0hJ5aYeU2iO8rT';
const AZURE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const MYSQL_PASSWORD = 'Wq7!zMysqlPass';
const KEY_ID = 'AKIAQX7RPLK2MZ4TNW3E';
const fullWidth = (text: string) => [...text].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');

/** Each reported format: the text a user pastes, and the secret it carries. */
const FORMATS = [
  { name: '~/.aws/credentials', secret: AWS_SECRET, text: `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${AWS_SECRET}\nregion = eu-west-1\n` },
  { name: 'Azure connection string', secret: AZURE_KEY, text: `DefaultEndpointsProtocol=https;AccountName=arenalabdata;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net` },
  { name: 'mysql -p<password>', secret: MYSQL_PASSWORD, text: `run: mysql -h 127.0.0.1 -u root -p${MYSQL_PASSWORD} app < schema.sql` },
  { name: 'key id split by zero-width characters', secret: KEY_ID, text: `my key is ${KEY_ID.slice(0, 4)}\u200b${KEY_ID.slice(4, 10)}\u2060${KEY_ID.slice(10)}, is it leaked?` },
  { name: 'key id in full-width characters', secret: KEY_ID, text: `this one, ${fullWidth(KEY_ID)}, is it leaked?` },
];

/** What a reader sees in the log: invisible characters dropped, compatibility forms folded. */
const visible = (text: string) => text.replace(/\p{Default_Ignorable_Code_Point}/gu, '').normalize('NFKC');

function ingest(file: string, store: string, format: string): { redactions: Record<string, number>; appended: number } {
  const result = spawnSync(process.execPath, [launcher, 'ingest', file, '--format', format, '--store', store, '--json'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { redactions: Record<string, number>; appended: number };
}

function assertNoSecret(store: string): void {
  const log = visible(fs.readFileSync(path.join(store, 'spans.log'), 'utf8'));
  const leaked = FORMATS.filter(({ secret }) => [secret, secret.slice(0, 12), secret.slice(-12)].some((piece) => log.includes(piece)));
  assert.deepEqual(leaked.map((f) => f.name), [], 'stored in clear');
}

describe('arenalab ingest: secrets in formats redaction used to miss (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-redact-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('stores none of them from a spans file, and reports each redaction', () => {
    const file = path.join(tmp, 'pasted.jsonl');
    fs.writeFileSync(file, FORMATS.map((f, i) => JSON.stringify({
      id: `paste-${i}`, who: `dev-${i}`, did: 'paste_config', this: f.text, when: '2026-01-01T00:00:00Z', status: 'completed', if_ok: f.text,
    })).join('\n') + '\n');
    const store = path.join(tmp, 'store');
    const report = ingest(file, store, 'spans');
    assert.equal(report.appended, FORMATS.length);
    assertNoSecret(store);
    assert.deepEqual(report.redactions, { aws_access_key: 2 * 3, aws_secret_key: 2, azure_key: 2, password: 2 });
  });

  it('stores none of them from a chat export', () => {
    const file = path.join(tmp, 'chat.jsonl');
    fs.writeFileSync(file, FORMATS.map((f, i) => JSON.stringify({
      id: `conv-${i}`, created: 1767225600 + i, model: 'gpt-4o',
      messages: [{ role: 'user', content: `${f.name}: ${f.text}` }, { role: 'assistant', content: `You pasted a secret: ${f.text}` }],
    })).join('\n') + '\n');
    const store = path.join(tmp, 'store');
    assert.ok(ingest(file, store, 'chat').appended >= FORMATS.length);
    assertNoSecret(store);
  });

  it('stores no true positive of the rule corpus', () => {
    const corpus = fs.readFileSync(path.join(root, 'test-fixtures', 'secrets', 'rule-corpus.jsonl'), 'utf8')
      .split('\n').filter(Boolean).map((line) => JSON.parse(line) as { rule: string; input: string; expect: string })
      .filter((entry) => entry.input !== entry.expect);
    const file = path.join(tmp, 'corpus.jsonl');
    fs.writeFileSync(file, corpus.map((entry, i) => JSON.stringify({
      id: `corpus-${i}`, who: `dev-${i}`, did: 'paste_config', this: entry.input, when: '2026-01-01T00:00:00Z', status: 'completed',
    })).join('\n') + '\n');
    const store = path.join(tmp, 'store');
    assert.equal(ingest(file, store, 'spans').appended, corpus.length);
    const stored = fs.readFileSync(path.join(store, 'spans.log'), 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as { span?: { id: string; this: string } })
      .flatMap((record) => (record.span ? [record.span] : []));
    for (const [i, entry] of corpus.entries()) {
      const span = stored.find((s) => s.id === `corpus-${i}`);
      assert.equal(span?.this, entry.expect, `${entry.rule}: ${JSON.stringify(entry.input)}`);
    }
  });
});
