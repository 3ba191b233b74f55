import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { replaceFileAtomically, stagingPath, writeFileSynced } from './durableFiles';

describe('durable files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-durable-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces a file with text or bytes and leaves no temp file', () => {
    const file = path.join(dir, 'manifest.json');
    writeFileSynced(file, 'old\n');
    replaceFileAtomically(file, '{"new":true}\n');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"new":true}\n');
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    replaceFileAtomically(file, bytes);
    assert.deepEqual(new Uint8Array(fs.readFileSync(file)), bytes);
    assert.deepEqual(fs.readdirSync(dir), ['manifest.json']);
  });

  it('a failed replacement keeps what was there and removes its temp file', () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept');
    assert.throws(() => replaceFileAtomically(target, 'data'));
    assert.deepEqual(fs.readdirSync(dir), ['taken']);
    assert.equal(fs.readFileSync(path.join(target, 'inside'), 'utf8'), 'kept');
  });

  it('staging paths are hidden siblings, unique within a process', () => {
    const a = stagingPath(dir, 'staging-1.0.0');
    const b = stagingPath(dir, 'staging-1.0.0');
    assert.notEqual(a, b);
    assert.equal(path.dirname(a), dir);
    assert.match(path.basename(a), /^\.staging-1\.0\.0-\d+-\d+-\d+$/);
  });
});
