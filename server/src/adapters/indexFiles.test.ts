import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AttributeIndex, IndexFormatError, InvertedIndex } from '@arenalab/core';
import { loadAttributeIndex, loadInvertedIndex, saveAttributeIndex, saveInvertedIndex } from './indexFiles';

describe('index files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-index-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saves and loads both indices, replacing the previous file and leaving no temp file', () => {
    const text = new InvertedIndex();
    text.replaceGroup('a.ts', [{ id: 'a#0', tokens: ['parse', 'json'] }, { id: 'a#1', tokens: ['return', 'json'] }]);
    const file = path.join(dir, 'nested', 'text.bm25');
    saveInvertedIndex(file, text);
    text.replaceGroup('b.ts', [{ id: 'b#0', tokens: ['json', 'json'] }]);
    saveInvertedIndex(file, text);
    const loaded = loadInvertedIndex(file);
    assert.deepEqual(loaded?.search(['json'], 5), text.search(['json'], 5));
    const attributes = new AttributeIndex();
    attributes.add('a#0', { domain: 'typescript', action: 'write_code' });
    saveAttributeIndex(path.join(dir, 'attr.idx'), attributes);
    assert.deepEqual(loadAttributeIndex(path.join(dir, 'attr.idx'))?.entries(), attributes.entries());
    assert.deepEqual(fs.readdirSync(path.join(dir, 'nested')), ['text.bm25']);
  });

  it('a missing file loads as undefined; a damaged one is an IndexFormatError', () => {
    assert.equal(loadInvertedIndex(path.join(dir, 'none.bm25')), undefined);
    const file = path.join(dir, 'text.bm25');
    const index = new InvertedIndex();
    index.add('x', ['y']);
    saveInvertedIndex(file, index);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(file, bytes);
    assert.throws(() => loadInvertedIndex(file), (e: unknown) => e instanceof IndexFormatError && e.code === 'INDEX_CHECKSUM');
    fs.writeFileSync(file, bytes.subarray(0, 30));
    assert.throws(() => loadInvertedIndex(file), (e: unknown) => e instanceof IndexFormatError && e.code === 'INDEX_TRUNCATED');
  });
});
