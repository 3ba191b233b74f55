import { strict as assert } from 'node:assert';
import { neverCancelled } from '../ports/cancellation';
import { fixedClock } from '../ports/clock';
import { ConfigError } from '../util';
import { buildCommands } from './buildCommands';
import { questionTerms, splitIdentifier } from './knowledgeTerms';
import { lexicalDefinitions } from './lexicalDefinitions';
import { markdownSections } from './markdownSections';
import { buildActions, questionIntent } from './questionIntent';
import { WorkspaceKnowledgeCreature } from './workspaceKnowledgeCreature';

describe('workspace knowledge parts', () => {
  it('splits identifiers and drops question words, also in their normalised form', () => {
    assert.deepEqual(splitIdentifier('SpanStore'), ['span', 'store']);
    assert.deepEqual(splitIdentifier('max_patch_chars'), ['max', 'patch', 'char']);
    assert.deepEqual(splitIdentifier('HTTPServer'), ['http', 'server']);
    assert.deepEqual(questionTerms('What does the span store do with its tests?'), ['span', 'store', 'test']);
  });

  it('reads npm scripts, make targets and CI steps with their lines', () => {
    const pkg = '{\n  "name": "x",\n  "scripts": {\n    "build": "tsc -b",\n    "test": "mocha"\n  }\n}\n';
    assert.deepEqual(buildCommands({ path: 'package.json', text: pkg }).map((c) => [c.invocation, c.command, c.line]), [['npm run build', 'tsc -b', 3], ['npm test', 'mocha', 4]]);
    assert.deepEqual(buildCommands({ path: 'tools/package.json', text: pkg })[1].invocation, '(in tools) npm test');
    const make = '.PHONY: check\ncheck: build\n\tgo vet ./...\n\tgo test ./...\nVAR := 1\n';
    assert.deepEqual(buildCommands({ path: 'Makefile', text: make }).map((c) => [c.invocation, c.command, c.line]), [['make check', 'go vet ./... && go test ./...', 1]]);
    const ci = 'jobs:\n  test:\n    steps:\n      - name: Unit tests\n        run: npm run test:unit\n      - run: |\n          npm run lint\n';
    assert.deepEqual(buildCommands({ path: '.github/workflows/ci.yml', text: ci }).map((c) => [c.name, c.command, c.line]), [['Unit tests', 'npm run test:unit', 4], ['Unit tests', 'npm run lint', 5]]);
    assert.deepEqual(buildCommands({ path: 'src/config.yml', text: ci }), []);
  });

  it('cuts Markdown at headings outside fences, naming each section by its heading path', () => {
    const sections = markdownSections('README.md', '# Tool\nintro\n## Build\nrun make\n```\n# not a heading\n```\n### Details\nmore\n');
    assert.deepEqual(sections.map((s) => [s.heading, s.line]), [['Tool', 0], ['Tool › Build', 2], ['Tool › Build › Details', 7]]);
    assert.match(sections[1].text, /# not a heading/);
  });

  it('finds definitions lexically with their doc comment or docstring, and not control flow or calls', () => {
    const ts = ['/** Adds two numbers. */', 'export function add(a: number, b: number) {', '  if (a) {', '  }', '  foo(() => {', '  });', '}', 'export const LIMIT = 3;', '  const local = 1;', 'class Box {', '  /** Opens it. */', '  private async open(): Promise<void> {', '  }', '}'].join('\n');
    assert.deepEqual(lexicalDefinitions('a.ts', ts).map((d) => [d.name, d.kind, d.startLine, d.doc]), [
      ['add', 'function', 1, 'Adds two numbers.'], ['LIMIT', 'constant', 7, ''], ['Box', 'class', 9, ''], ['open', 'method', 11, 'Opens it.'],
    ]);
    const py = 'class Cache:\n    def evict(self):\n        """Drops the oldest entry."""\n        pass\n';
    assert.deepEqual(lexicalDefinitions('c.py', py).map((d) => [d.name, d.kind, d.doc]), [['Cache', 'class', ''], ['evict', 'function', 'Drops the oldest entry.']]);
  });

  it('reads the intent of a question', () => {
    assert.equal(questionIntent("Where is the span store's fsync?"), 'where');
    assert.equal(questionIntent('How do I run the tests?'), 'build');
    assert.deepEqual(buildActions('How do I run the tests?'), ['run', 'test']);
    assert.equal(questionIntent('What does readGitHistory do?'), 'explain');
    assert.equal(questionIntent('How does the cache evict entries?'), 'explain');
    assert.equal(questionIntent('Who changed spanStore.ts last?'), 'history');
    assert.equal(questionIntent('retry backoff'), 'search');
  });

  it('answers from in-memory sources without a grammar, and refuses settings out of bounds', async () => {
    const files = [{ path: 'src/store.ts', language: 'typescript', text: 'export class SpanStore {\n  append() {\n    this.handle.datasync(); // fsync the batch\n  }\n}\n' }];
    const creature = await WorkspaceKnowledgeCreature.create({ files, commits: [] }, { clock: fixedClock(0) }, neverCancelled);
    const answer = await creature.predict({ kind: 'chat', messages: [{ role: 'user', content: "where is the span store's fsync?" }] }, neverCancelled);
    assert.equal(answer.method, 'code_search');
    assert.deepEqual([answer.provenance[0].file, answer.provenance[0].line], ['src/store.ts', 3]);
    assert.equal(creature.profile().size, 3, 'the lines that hold a word');
    await assert.rejects(WorkspaceKnowledgeCreature.create({ files, commits: [] }, { clock: fixedClock(0), config: { showThreshold: 1.5 } }, neverCancelled), ConfigError);
  });
});
