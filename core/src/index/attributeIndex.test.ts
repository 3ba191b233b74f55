import { strict as assert } from 'node:assert';
import { AttributeIndex } from './attributeIndex';

const at = (iso: string) => Date.parse(iso);

function sample(): AttributeIndex {
  const index = new AttributeIndex();
  index.add('a', { domain: 'programming/typescript', action: 'write_code', quality: 92, time: at('2024-01-31T23:59:59Z') });
  index.add('b', { domain: '/programming/python/', action: 'write_code', quality: 85, time: at('2024-02-01T00:00:00Z') });
  index.add('c', { domain: 'programming', action: 'fix_bug', quality: 80, time: at('2024-02-15T00:00:00Z') });
  index.add('d', { domain: 'programmingx', action: 'fix_bug', quality: 100, time: at('2024-03-10T00:00:00Z') });
  index.add('e', { action: 'ask' });
  return index;
}

const sorted = (ids: Set<string>) => [...ids].sort();

describe('AttributeIndex', () => {
  it('domain prefix matches whole path segments only', () => {
    const index = sample();
    assert.deepEqual(sorted(index.ids({ field: 'domain', prefix: 'programming' })), ['a', 'b', 'c']);
    assert.deepEqual(sorted(index.ids({ field: 'domain', prefix: 'programming/python' })), ['b']);
    assert.equal(index.count({ field: 'domain', prefix: 'programming' }), 3);
    assert.ok(index.matches('d', { field: 'domain', prefix: 'programmingx' }));
    assert.ok(!index.matches('e', { field: 'domain', prefix: '' }), 'a document without a domain is under no prefix');
  });

  it('action is exact, with exact counts', () => {
    const index = sample();
    assert.deepEqual(sorted(index.ids({ field: 'action', equals: 'fix_bug' })), ['c', 'd']);
    assert.equal(index.count({ field: 'action', equals: 'nothing' }), 0);
    assert.ok(index.countIsExact({ field: 'action', equals: 'fix_bug' }));
  });

  it('quality ranges count buckets (an upper bound) but select exactly', () => {
    const index = sample();
    const filter = { field: 'quality', min: 86, max: 100 } as const;
    assert.equal(index.count(filter), 4); // buckets 80 (b 85, c 80: partly in range), 90 (a) and 100 (d)
    assert.ok(!index.countIsExact(filter));
    assert.deepEqual(sorted(index.ids(filter)), ['a', 'd']);
    assert.deepEqual(sorted(index.ids({ field: 'quality', min: 80, max: 89 })), ['b', 'c']);
    assert.ok(index.countIsExact({ field: 'quality', min: 80 }));
    assert.ok(!index.countIsExact({ field: 'quality', min: 80, max: 90 }), 'bucket 90 is only partly inside');
  });

  it('time ranges use UTC month buckets and select exactly at the edges', () => {
    const index = sample();
    const february = { field: 'time', from: at('2024-02-01T00:00:00Z'), to: at('2024-02-29T23:59:59.999Z') } as const;
    assert.deepEqual(sorted(index.ids(february)), ['b', 'c']);
    assert.equal(index.count(february), 2);
    assert.deepEqual(sorted(index.ids({ field: 'time', to: at('2024-02-01T00:00:00Z') })), ['a', 'b']);
    assert.deepEqual(index.values('time').map((v) => v.value).sort(), ['2024-01', '2024-02', '2024-03']);
  });

  it('replacing and removing keep every set and count consistent', () => {
    const index = sample();
    index.add('a', { domain: 'devops', action: 'fix_bug', quality: 10 });
    assert.equal(index.count({ field: 'domain', prefix: 'programming' }), 2);
    assert.equal(index.count({ field: 'action', equals: 'fix_bug' }), 3);
    assert.ok(index.remove('c'));
    assert.ok(!index.remove('c'));
    assert.equal(index.size, 4);
    assert.deepEqual(sorted(index.ids({ field: 'action', equals: 'fix_bug' })), ['a', 'd']);
    assert.deepEqual(index.values('domain'), [
      { value: 'devops', count: 1 },
      { value: 'programming/python', count: 1 },
      { value: 'programmingx', count: 1 },
    ]);
    index.add('f', { domain: 'programming', quality: 55 }); // reuses the freed slot
    assert.deepEqual(sorted(index.ids({ field: 'domain', prefix: 'programming' })), ['b', 'f']);
  });

  it('rejects a quality or time that is not a finite number', () => {
    assert.throws(() => new AttributeIndex().add('x', { quality: Number.NaN }), TypeError);
    assert.throws(() => new AttributeIndex().add('x', { time: Infinity }), TypeError);
  });
});
