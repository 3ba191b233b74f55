import { seededRandom } from '@arenalab/core';
import type { Random } from '@arenalab/core';

/**
 * Generates a realistic-looking chat log (OpenAI-style JSONL, one conversation per line) for the ingest benchmark.
 * Questions and answers are assembled from topic vocabularies with a seeded RNG, so the same seed gives the same
 * bytes, texts vary enough that deduplication keeps most of them, and domains are spread as in real logs.
 */
export interface ChatLogConfig {
  /** Number of user turns (= spans) to generate. */
  turns: number;
  /** RNG seed. @default 1 */
  seed?: number;
  /** Largest number of user turns in one conversation. @default 4 */
  maxTurnsPerConversation?: number;
}

const TOPICS: Record<string, { things: string[]; verbs: string[]; tools: string[] }> = {
  typescript: {
    things: ['union type', 'generic function', 'interface', 'enum', 'type guard', 'mapped type', 'tsconfig path alias', 'decorator'],
    verbs: ['narrow', 'declare', 'infer', 'export', 'extend', 'constrain'],
    tools: ['tsc', 'ts-node', 'esbuild', 'eslint'],
  },
  python: {
    things: ['list comprehension', 'dataclass', 'async generator', 'virtual environment', 'context manager', 'pytest fixture', 'type hint'],
    verbs: ['write', 'debug', 'profile', 'refactor', 'test', 'annotate'],
    tools: ['pip', 'pytest', 'mypy', 'poetry'],
  },
  git: {
    things: ['merge conflict', 'rebase', 'detached HEAD', 'submodule', 'stash', 'cherry-pick', 'tag'],
    verbs: ['resolve', 'undo', 'squash', 'inspect', 'recover', 'sign'],
    tools: ['git log', 'git bisect', 'git reflog', 'git worktree'],
  },
  sql: {
    things: ['index', 'join', 'window function', 'transaction', 'foreign key', 'query plan', 'migration'],
    verbs: ['optimise', 'write', 'explain', 'lock', 'rollback', 'partition'],
    tools: ['psql', 'EXPLAIN ANALYZE', 'pg_dump', 'sqlite3'],
  },
  docker: {
    things: ['multi-stage build', 'volume', 'healthcheck', 'layer cache', 'compose file', 'network'],
    verbs: ['configure', 'shrink', 'debug', 'mount', 'expose', 'rebuild'],
    tools: ['docker build', 'docker compose', 'dive', 'buildx'],
  },
  cooking: {
    things: ['risotto', 'sourdough starter', 'omelette', 'tomato sauce', 'roast chicken', 'pie crust'],
    verbs: ['make', 'rescue', 'season', 'store', 'reheat', 'prepare'],
    tools: ['cast-iron pan', 'oven', 'thermometer', 'stand mixer'],
  },
};

const QUESTION_FORMS = [
  'How do I {verb} a {thing} when using {tool}?',
  'Why does my {thing} break after I {verb} it with {tool}?',
  'What is the best way to {verb} a {thing} named {name}?',
  'Can you explain how to {verb} the {thing} in {name} without {tool}?',
  'Is it safe to {verb} a {thing} in production with {tool}?',
];

const ANSWER_FORMS = [
  'To {verb} a {thing}, start with {tool}: check the current state of {name}, change one thing at a time and verify the result before moving on. Keep the change small so it is easy to review and to roll back.',
  'This usually happens because the {thing} still depends on an older setting. Run {tool} to see what {name} really uses, update that first, then {verb} it again; the error should disappear.',
  'Yes, provided you {verb} the {thing} in a separate step and test it first. With {tool} you can try it on a copy of {name}, compare the output, and only then apply it for real.',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)];
}

function fill(form: string, random: Random, topic: (typeof TOPICS)[string]): string {
  const name = `${pick(random, ['user', 'order', 'cart', 'report', 'session', 'invoice'])}_${Math.floor(random.next() * 100000)}`;
  return form
    .replace('{verb}', pick(random, topic.verbs))
    .replace('{thing}', pick(random, topic.things))
    .replace('{tool}', pick(random, topic.tools))
    .replace(/\{name\}/g, name);
}

/** Yields JSONL lines (without newline), one conversation per line, until `turns` user turns were produced. */
export function* generateChatLog(config: ChatLogConfig): Generator<string> {
  const random = seededRandom(config.seed ?? 1);
  const maxTurns = config.maxTurnsPerConversation ?? 4;
  const topicNames = Object.keys(TOPICS);
  const start = Date.UTC(2025, 0, 1);
  let produced = 0;
  for (let conversation = 0; produced < config.turns; conversation++) {
    const topic = TOPICS[pick(random, topicNames)];
    const turns = Math.min(1 + Math.floor(random.next() * maxTurns), config.turns - produced);
    const messages: { role: string; content: string }[] = [];
    for (let turn = 0; turn < turns; turn++) {
      messages.push({ role: 'user', content: fill(pick(random, QUESTION_FORMS), random, topic) });
      if (random.next() < 0.95) messages.push({ role: 'assistant', content: fill(pick(random, ANSWER_FORMS), random, topic) });
    }
    produced += turns;
    const created = new Date(start + conversation * 60_000).toISOString();
    yield JSON.stringify({ id: `bench-${conversation}`, created, messages });
  }
}
