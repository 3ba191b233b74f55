import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { enclosingScopes } from './enclosingScopes';
import { identifiersInScope } from './identifiersInScope';
import type { SyntaxService } from './syntaxService';
import { FIXTURE_EXTENSIONS, readSyntaxFixture, splitAtCursor, syntaxFixturesDir, testSyntaxService } from './syntaxTestSupport';
import { withTree } from './withTree';

interface Expected {
  scopes: { kind: string; name: string | null }[];
  identifiers: Record<string, string>;
  absent: string[];
}

async function analyse(service: SyntaxService, languageId: string, marked: string) {
  const { text, line, character } = splitAtCursor(marked);
  return withTree(service, languageId, text, (tree) => ({
    scopes: enclosingScopes(tree, { line, character }).map(({ kind, name }) => ({ kind, name })),
    identifiers: identifiersInScope(tree, { line, character }),
  }));
}

describe('syntax: enclosingScopes and identifiersInScope', () => {
  let service: SyntaxService;
  before(async () => {
    service = await testSyntaxService();
  });

  for (const languageId of Object.keys(FIXTURE_EXTENSIONS)) {
    it(`${languageId}: scopes and names in scope at the cursor match test-fixtures/syntax/${languageId}/cursor.expected.json`, async () => {
      const expected = JSON.parse(fs.readFileSync(path.join(syntaxFixturesDir, languageId, 'cursor.expected.json'), 'utf8')) as Expected;
      const { scopes, identifiers } = await analyse(service, languageId, readSyntaxFixture(languageId, 'cursor'));
      assert.deepEqual(scopes, expected.scopes);
      const roles = Object.fromEntries(identifiers.map((identifier) => [identifier.name, identifier.role]));
      assert.deepEqual(Object.fromEntries(Object.keys(expected.identifiers).map((name) => [name, roles[name]])), expected.identifiers);
      assert.deepEqual(expected.absent.filter((name) => name in roles), [], 'names out of scope or after the cursor leaked in');
    });
  }

  it('lists the nearest occurrence first', async () => {
    const { identifiers } = await analyse(service, 'typescript', 'const far = 1;\nconst near = far;\n⟨cursor⟩');
    assert.deepEqual(identifiers.map(({ name, line }) => [name, line]), [['far', 1], ['near', 1]]);
  });

  it('does not report the word being typed at the cursor', async () => {
    const { identifiers } = await analyse(service, 'typescript', 'const value = 1;\nval⟨cursor⟩');
    assert.deepEqual(identifiers.map(({ name }) => name), ['value']);
  });

  it('a cursor just after a closing brace is outside the block; just before it, inside', async () => {
    const outside = await analyse(service, 'typescript', 'function f() {\n  return 1;\n}⟨cursor⟩\n');
    const inside = await analyse(service, 'typescript', 'function f() {\n  return 1;\n⟨cursor⟩}\n');
    assert.deepEqual(outside.scopes, []);
    assert.deepEqual(inside.scopes, [{ kind: 'function', name: 'f' }]);
  });

  it('names a function after the variable, property or field it is bound to', async () => {
    const { scopes } = await analyse(service, 'typescript', 'const api = {\n  load: function () {\n    const run = () => {\n      ⟨cursor⟩\n    };\n  },\n};\n');
    assert.deepEqual(scopes, [{ kind: 'function', name: 'load' }, { kind: 'function', name: 'run' }]);
  });

  it('finds scopes around an unfinished line', async () => {
    const { scopes, identifiers } = await analyse(service, 'typescript', 'class A {\n  run(input: string) {\n    const x = input.⟨cursor⟩\n  }\n\n  other() {}\n}\n');
    assert.deepEqual(scopes, [{ kind: 'class', name: 'A' }, { kind: 'method', name: 'run' }]);
    assert.ok(identifiers.some(({ name, role }) => name === 'input' && role === 'parameter'));
  });

  describe('python indentation', () => {
    const source = 'class A:\n    def m(self, a):\n        b = a\n        if b:\n            c = 1\n{CURSOR}\n\ndef g():\n    pass\n';
    const at = (indent: string) => source.replace('{CURSOR}', `${indent}⟨cursor⟩`);

    it('a blank line indented like the method body is inside the method', async () => {
      assert.deepEqual((await analyse(service, 'python', at('        '))).scopes, [{ kind: 'class', name: 'A' }, { kind: 'method', name: 'm' }]);
    });

    it('indented like the method header, it is in the class only', async () => {
      assert.deepEqual((await analyse(service, 'python', at('    '))).scopes, [{ kind: 'class', name: 'A' }]);
    });

    it('at column 0 it is at module level, and the method body is out of scope', async () => {
      const { scopes, identifiers } = await analyse(service, 'python', at(''));
      assert.deepEqual(scopes, []);
      assert.deepEqual(identifiers.map(({ name }) => name).sort(), ['A']);
    });

    it('at the end of the last statement of a body it is inside that body', async () => {
      const { scopes } = await analyse(service, 'python', 'def f(x):\n    return x⟨cursor⟩\n');
      assert.deepEqual(scopes, [{ kind: 'function', name: 'f' }]);
    });
  });
});
