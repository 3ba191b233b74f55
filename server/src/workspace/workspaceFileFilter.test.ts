import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listWorkspaceFiles } from './listWorkspaceFiles';
import { WorkspaceFileFilter } from './workspaceFileFilter';

// One file at a time, the filter must judge exactly as the folder walk does.
describe('WorkspaceFileFilter', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-filter-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists a file exactly when listWorkspaceFiles does, and says why not otherwise', () => {
    const files: Record<string, string | Buffer> = {
      '.gitignore': 'secret/\n*.log.ts\nlib/keep/*.ts\n',
      'src/a.ts': 'export const a = 1;\n',
      'src/a.log.ts': 'x\n',
      'src/.gitignore': 'local.ts\n/gen/\n',
      'src/local.ts': 'x\n',
      'src/gen/g.ts': 'x\n',
      'src/deep/gen/h.ts': 'x\n',
      'src/deep/.gitignore': '!local.ts\n',
      'src/deep/local.ts': 'x\n',
      'lib/keep/k.ts': 'x\n',
      'lib/keep/.gitignore': '!k.ts\n',
      'secret/s.ts': 'x\n',
      'node_modules/pkg/index.js': 'x\n',
      'docs/d.py': 'x\n',
      'tests/t.spec.ts': 'x\n',
      'tests/t.ts': 'x\n',
      'README.md': 'x\n',
      'big.ts': 'const x = 1;\n'.repeat(20_000),
      'binary.py': Buffer.from([0x63, 0x6f, 0x00, 0x01]),
      'minified.js': `var a=${'1+'.repeat(600)}1;\n`,
      'marked.ts': '/** @generated */\nexport const x = 1;\n',
    };
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), content);
    }
    fs.symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'link.ts'));
    const config = { excludes: ['docs/', '*.spec.ts'] };
    const listed = listWorkspaceFiles(root, config).map((f) => f.path);
    const filter = new WorkspaceFileFilter(root, config);
    const all = [...Object.keys(files), 'link.ts'];
    const judged = all.filter((rel) => !('reason' in filter.check(rel))).sort();
    assert.deepEqual(judged, [...listed].sort());
    assert.ok(listed.length >= 4, listed.join());
    const reason = (rel: string) => {
      const checked = filter.check(rel);
      return 'reason' in checked ? checked.reason : 'listed';
    };
    assert.match(reason('marked.ts'), /generated/);
    const reasons = Object.fromEntries(['src/local.ts', 'secret/s.ts', 'big.ts', 'link.ts', 'README.md', 'gone.ts'].map((rel) => [rel, reason(rel)]));
    assert.deepEqual(reasons, {
      'src/local.ts': 'excluded or gitignored',
      'secret/s.ts': 'in an excluded or gitignored folder',
      'big.ts': 'larger than 204800 bytes',
      'link.ts': 'a symbolic link (not followed)',
      'README.md': 'not a source language ArenaLab indexes',
      'gone.ts': 'no longer exists',
    });
    // A folder at a time (one that appeared on disk), the same files as the walk of the whole root lists under it.
    const under = (folder: string) => listed.filter((rel) => rel.startsWith(`${folder}/`)).sort();
    for (const folder of ['src', 'src/deep', 'lib/keep', 'secret', 'node_modules']) {
      assert.deepEqual(filter.listFolder(folder, []).map((f) => f.path).sort(), under(folder), folder);
    }
    const skipped: { path: string; reason: string }[] = [];
    filter.listFolder('src', skipped);
    assert.equal(skipped.length, 0, `gitignored files are left out silently, as the walk leaves them: ${JSON.stringify(skipped)}`);
    filter.listFolder('', skipped);
    assert.deepEqual(skipped.map((s) => s.path).sort(), ['big.ts', 'binary.py', 'marked.ts', 'minified.js']);
  });
});
