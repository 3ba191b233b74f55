import { strict as assert } from 'node:assert';
import { seededRandom, type Random } from '../ports/random';
import { SPAN_SCHEMA_VERSION, type Span } from '../spans/span';
import { DEFAULT_REDACTION_CONFIG, redactSpanSecrets } from './redactSecrets';
import { type SecretCounts, type SecretKind } from './secretKind';

// Plants many fake secrets of every kind, in varied surroundings and some disguised, into spans and proves that no
// planted secret (nor a distinctive piece of one) survives redaction, and that the counts match.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];
const int = (rng: Random, min: number, max: number) => min + Math.floor(rng.next() * (max - min + 1));
const chars = (rng: Random, alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[Math.floor(rng.next() * alphabet.length)]).join('');
/** Random text with at least one digit, so that it never reads as a plain word or type name. */
const withDigit = (rng: Random, alphabet: string, n: number) => chars(rng, alphabet, n - 1) + chars(rng, DIGITS, 1);
const b64url = (text: string) => Buffer.from(text).toString('base64url');

interface Planted {
  kind: SecretKind;
  secret: string;
  text: string;
}

/** Every surrounding a token may appear in: config formats, code, prose, URLs, chat. */
function anywhere(rng: Random, secret: string): string {
  const name = pick(rng, ['value', 'config_value', 'API_KEY', 'token', 'key', 'credentials']);
  return pick(rng, [
    `{"${name}": "${secret}", "region": "eu-west-1"}`,
    `${name.toUpperCase()}=${secret}\nDEBUG=1`,
    `settings:\n  ${name}: ${secret}\n  retries: 3`,
    `const ${name.replace(/_\w/g, (m) => m[1].toUpperCase())} = "${secret}";`,
    `client = Client(${name}='${secret}', timeout=30)`,
    `here is the key ${secret}, please keep it safe.`,
    `curl "https://api.example.com/v1/items?${name}=${secret}&page=2"`,
    `user: my build fails with ${secret} set as ${name}, why?`,
  ]);
}

/** Assignment surroundings for secrets recognised only by the name they are given. */
function assigned(rng: Random, name: string, secret: string): string {
  return pick(rng, [
    `{"${name}": "${secret}"}`,
    `${name}=${secret}`,
    `export ${name}="${secret}"`,
    `${name}: ${secret}\nport: 5432`,
    `this.${name} = '${secret}';`,
    `${name} = "${secret}"  # local only`,
    `config = {'${name}': '${secret}', 'debug': True}`,
    `assistant: set ${name}: ${secret} in your .env and restart`,
  ]);
}

function privateKey(rng: Random): Planted {
  const type = pick(rng, ['RSA ', 'EC ', 'OPENSSH ', 'DSA ', 'ENCRYPTED ', '', 'PGP ']);
  const label = type === 'PGP ' ? 'PGP PRIVATE KEY BLOCK' : `${type}PRIVATE KEY`;
  const lines = Array.from({ length: int(rng, 3, 8) }, () => chars(rng, B64, 64));
  const block = `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`;
  const text = pick(rng, [
    block,
    `key.pem:\n${block}\n`,
    JSON.stringify({ private_key: block }).slice(1, -1),
    `const KEY = \`${block}\`;`,
  ]);
  return { kind: 'private_key', secret: block, text };
}

function jwt(rng: Random): string {
  const header = b64url(JSON.stringify({ alg: pick(rng, ['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: chars(rng, DIGITS, 8), name: chars(rng, LOWER, 6), iat: int(rng, 1e9, 2e9) }));
  return `${header}.${payload}.${chars(rng, B64URL, 43)}`;
}

const TOKEN_MAKERS: Partial<Record<SecretKind, (rng: Random) => string>> = {
  jwt,
  aws_access_key: (rng) => pick(rng, ['AKIA', 'ASIA']) + withDigit(rng, UPPER + DIGITS, 16),
  gcp_api_key: (rng) => 'AIza' + withDigit(rng, ALNUM + '_-', 35),
  github_token: (rng) =>
    rng.next() < 0.8
      ? pick(rng, ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']) + withDigit(rng, ALNUM, 36)
      : 'github_pat_' + withDigit(rng, ALNUM, 22) + '_' + withDigit(rng, ALNUM, 59),
  gitlab_token: (rng) => pick(rng, ['glpat-', 'gldt-', 'glrt-']) + withDigit(rng, B64URL, 20),
  npm_token: (rng) => 'npm_' + withDigit(rng, ALNUM, 36),
  slack_token: (rng) =>
    rng.next() < 0.7
      ? `xox${pick(rng, ['a', 'b', 'p', 'r', 's'])}-${chars(rng, DIGITS, 12)}-${chars(rng, DIGITS, 13)}-${withDigit(rng, ALNUM, 24)}`
      : `https://hooks.slack.com/services/T${chars(rng, UPPER + DIGITS, 8)}/B${chars(rng, UPPER + DIGITS, 10)}/${withDigit(rng, ALNUM, 24)}`,
  stripe_key: (rng) => pick(rng, ['sk_live_', 'rk_live_']) + withDigit(rng, ALNUM, 24),
  openai_key: (rng) => (rng.next() < 0.5 ? 'sk-' + withDigit(rng, ALNUM, 48) : 'sk-proj-' + withDigit(rng, B64URL, 120)),
  anthropic_key: (rng) => 'sk-ant-api03-' + withDigit(rng, B64URL, 93) + 'AA',
};

function plant(kind: SecretKind, rng: Random): Planted {
  const maker = TOKEN_MAKERS[kind];
  if (maker) {
    const secret = maker(rng);
    return { kind, secret, text: anywhere(rng, secret) };
  }
  if (kind === 'private_key') return privateKey(rng);
  if (kind === 'azure_key') {
    const secret = rng.next() < 0.6 ? withDigit(rng, B64, 86) + '==' : withDigit(rng, B64, 43) + '=';
    const field = secret.length > 50 ? 'AccountKey' : 'SharedAccessKey';
    const text = pick(rng, [
      `DefaultEndpointsProtocol=https;AccountName=acct${chars(rng, DIGITS, 3)};${field}=${secret};EndpointSuffix=core.windows.net`,
      `"ConnectionStrings": { "Storage": "Endpoint=sb://ns.servicebus.windows.net/;${field}=${secret}" }`,
      `az storage blob list --connection-string "${field}=${secret}"`,
    ]);
    return { kind, secret, text };
  }
  if (kind === 'aws_secret_key') {
    const secret = withDigit(rng, B64, 40);
    const name = pick(rng, ['AWS_SECRET_ACCESS_KEY', 'aws_secret_access_key', 'awsSecretAccessKey', 'aws_secret_key', 'SecretAccessKey']);
    return { kind, secret, text: assigned(rng, name, secret) };
  }
  if (kind === 'password') {
    const secret = chars(rng, LOWER + UPPER, 1) + withDigit(rng, ALNUM + '!#%^*_+=~?-', int(rng, 7, 19));
    if (rng.next() < 0.2) {
      const text = `DATABASE_URL=${pick(rng, ['postgres', 'mysql', 'redis', 'https'])}://admin:${secret}@db.internal:5432/app`;
      return { kind, secret, text };
    }
    const name = pick(rng, ['password', 'db_password', 'DB_PASSWORD', 'passwd', 'pwd', 'secret', 'userPassword', 'PGPASSWORD']);
    return { kind, secret, text: assigned(rng, name, secret) };
  }
  const secret = chars(rng, LOWER, 1) + withDigit(rng, ALNUM, int(rng, 23, 47));
  const name = pick(rng, ['api_key', 'apiKey', 'API_KEY', 'access_token', 'refresh_token', 'auth_token', 'authToken', 'credential', 'bearer_token', 'x_api_key']);
  return { kind, secret, text: assigned(rng, name, secret) };
}

/** Puts the text into a random string field of a span, including nested context and metadata. */
function spanWith(text: string, rng: Random, n: number): Span {
  const span: Span = {
    schema_version: SPAN_SCHEMA_VERSION,
    id: `sp_${n}`,
    source: 'user_upload',
    who: 'dev',
    did: 'edit',
    this: 'config change',
    when: '2024-05-01T10:00:00.000Z',
    status: 'completed',
    context: { environment: 'programming/typescript', previous_spans: [] },
    metadata: { file: 'app.ts' },
  };
  const where = int(rng, 0, 6);
  if (where === 0) span.this = text;
  else if (where === 1) span.if_ok = text;
  else if (where === 2) span.if_not = text;
  else if (where === 3) span.confirmed_by = text;
  else if (where === 4) span.context = { ...span.context, notes: { snippet: text } };
  else if (where === 5) span.metadata = { ...span.metadata, lines: ['first', text] };
  else span.metadata = { ...span.metadata, raw: text };
  return span;
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => allStrings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => allStrings(item, out));
  return out;
}

/** Pieces of a secret that must not survive: the whole value and a 12-character middle slice. */
function distinctive(planted: Planted): string[] {
  const { secret } = planted;
  if (planted.kind === 'private_key') return secret.split('\n').filter((line) => !line.startsWith('-----'));
  if (secret.length <= 16) return [secret];
  const mid = Math.floor(secret.length / 2);
  return [secret, secret.slice(mid - 6, mid + 6)];
}

const PLANTED_KINDS: readonly SecretKind[] = [
  'private_key', 'jwt', 'aws_access_key', 'gcp_api_key', 'github_token', 'gitlab_token', 'npm_token', 'slack_token',
  'stripe_key', 'openai_key', 'anthropic_key', 'azure_key', 'aws_secret_key', 'password', 'high_entropy',
];

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/**
 * A quarter of the secrets are disguised where they are planted: invisible characters inside, or written in
 * full-width forms. Private key blocks are left as they are.
 */
function disguised(planted: Planted, rng: Random): Planted {
  if (planted.kind === 'private_key' || rng.next() >= 0.25) return planted;
  const units = [...planted.secret];
  const look =
    rng.next() < 0.5
      ? units.map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('')
      : units.map((c, i) => (i > 0 && rng.next() < 0.15 ? pick(rng, INVISIBLE) : '') + c).join('');
  return { ...planted, text: planted.text.replace(planted.secret, () => look) };
}

/** What a reader sees: invisible characters dropped and compatibility forms folded, so a disguised leak is found. */
const visible = (text: string) => text.replace(/\p{Default_Ignorable_Code_Point}/gu, '').normalize('NFKC');

describe('secrets: planted fake secrets never survive redaction', () => {
  const PER_KIND = 50;
  const rng = seededRandom(20240501);
  const planted = PLANTED_KINDS.flatMap((kind) => Array.from({ length: PER_KIND }, () => disguised(plant(kind, rng), rng)));
  const spans = planted.map((p, n) => spanWith(p.text, rng, n));
  const results = spans.map((span) => redactSpanSecrets(span));

  it(`plants ${PER_KIND} secrets of each of ${PLANTED_KINDS.length} kinds and finds none of them afterwards`, () => {
    const leaks: string[] = [];
    results.forEach((result, n) => {
      const haystack = visible(allStrings(result.span).join('\n'));
      for (const piece of distinctive(planted[n])) {
        if (haystack.includes(piece)) leaks.push(`${planted[n].kind}: ${JSON.stringify(planted[n].text)}`);
      }
    });
    assert.deepEqual(leaks, []);
  });

  it('the leak check does catch secrets: with every detector switched off, all of them leak', () => {
    const config = { ...DEFAULT_REDACTION_CONFIG, kinds: [] };
    const leaked = spans.filter((span, n) => {
      const haystack = visible(allStrings(redactSpanSecrets(span, config).span).join('\n'));
      return distinctive(planted[n]).every((piece) => haystack.includes(piece));
    });
    assert.equal(leaked.length, planted.length);
  });

  it('counts exactly one secret of the planted kind per span', () => {
    const mismatches: string[] = [];
    results.forEach((result, n) => {
      const expected: SecretCounts = { [planted[n].kind]: 1 };
      try {
        assert.deepEqual(result.counts, expected);
      } catch {
        mismatches.push(`${JSON.stringify(result.counts)} for ${JSON.stringify(planted[n].text)}`);
      }
    });
    assert.deepEqual(mismatches, []);
  });

  it('replaces each secret with its marker and leaves id, when, status and source alone', () => {
    results.forEach((result, n) => {
      assert.ok(allStrings(result.span).join('\n').includes(`<redacted:${planted[n].kind}>`));
      const { id, when, status, source, schema_version } = spans[n];
      assert.deepEqual(
        { id, when, status, source, schema_version },
        { id: result.span.id, when: result.span.when, status: result.span.status, source: result.span.source, schema_version: result.span.schema_version },
      );
    });
  });
});
