import { strict as assert } from 'node:assert';
import { CODE_DOMAIN, detectDomain, GENERAL_DOMAIN, looksLikeCode } from './detectDomain';
import { domainSimilarity } from './domainSimilarity';

const CASES: [string, string][] = [
  ['How do I narrow a union type in TypeScript?', 'programming/typescript'],
  ['What is the right way to create a Python virtual environment?', 'programming/python'],
  ['How do I undo my last git commit but keep the changes?', 'programming/git'],
  ['Why does Rust say I cannot borrow v as mutable?', 'programming/rust'],
  ['How do I write a Dockerfile for a node app?', 'devops/docker'],
  ['kubectl says my pod is in CrashLoopBackOff', 'devops/kubernetes'],
  ['SELECT name FROM users LEFT JOIN orders ON orders.user_id = users.id', 'data/sql'],
  ['What is 12 * 7?', 'math'],
  ['Solve the equation x^2 = 9', 'math'],
  ['Explain velocity and acceleration of a falling ball', 'science/physics'],
  ['Can you proofread my essay?', 'writing'],
  ['How long should I bake bread in the oven?', 'cooking'],
  ['I have a fever and a headache', 'health'],
  ['Should I invest in stocks or pay off my mortgage?', 'finance'],
  ['```sql\nselect 1\n```', 'data/sql'],
  ['```py\nprint(1)\n```', 'programming/python'],
  ['def area(r):\n    return 3.14 * r * r', 'programming/python'],
  ['const double = (x) => x * 2;', 'programming/javascript'],
  ['hello there, how are you?', GENERAL_DOMAIN],
  ['', GENERAL_DOMAIN],
];

describe('detectDomain', () => {
  for (const [text, domain] of CASES) {
    it(`${JSON.stringify(text.slice(0, 40))} → ${domain}`, () => assert.equal(detectDomain(text), domain));
  }

  it('needs more than one weak hint to classify', () => {
    assert.equal(detectDomain('what is the sum'), GENERAL_DOMAIN);
    assert.equal(detectDomain('what is the sum of the square root'), 'math');
  });

  it('files unrecognised code under programming', () => {
    assert.equal(detectDomain('x = foo(bar);\nreturn x;'), CODE_DOMAIN);
    assert.ok(looksLikeCode('```\nanything\n```'));
    assert.ok(!looksLikeCode('a plain sentence.'));
  });

  it('is case-insensitive and matches whole words only', () => {
    assert.equal(detectDomain('TYPESCRIPT generics'), 'programming/typescript');
    assert.equal(detectDomain('mysqldumpish gitlike words'), GENERAL_DOMAIN);
  });
});

describe('domainSimilarity', () => {
  it('is 1 for equal domains, the shared-prefix share otherwise, 0 for unrelated', () => {
    assert.equal(domainSimilarity('programming/typescript', 'programming/typescript'), 1);
    assert.equal(domainSimilarity('Programming/TypeScript/', 'programming/typescript'), 1);
    assert.equal(domainSimilarity('programming/typescript', 'programming/python'), 0.5);
    assert.equal(domainSimilarity('programming', 'programming/python'), 0.5);
    assert.equal(domainSimilarity('a/b/c', 'a/b/d'), 2 / 3);
    assert.equal(domainSimilarity('data/sql', 'math'), 0);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['a/b', 'a'], ['x', 'y/z'], ['a/b/c', 'a/c']]) assert.equal(domainSimilarity(a, b), domainSimilarity(b, a));
  });
});
