import { strict as assert } from 'node:assert';
import { trainingStop } from './trainingStop';
import { domainScores, weakDomains } from './weakDomains';

describe('weakDomains', () => {
  const results = [
    { domain: 'b', em: true, es: 1 },
    { domain: 'b', em: false, es: 0.9 },
    { domain: 'b', em: false, es: 0.6 },
    { domain: 'b', em: false, es: 0.55 },
    { domain: 'a', em: false, es: 0.2 },
    { domain: 'a', em: false, es: 0.7 },
    { domain: 'c', em: false, es: 0.1 },
  ];

  it('scores each domain: EM, ES and the share of cases below the failure line', () => {
    assert.deepEqual(domainScores(results), [
      { domain: 'a', cases: 2, em: 0, es: 0.45, failureRate: 0.5 },
      { domain: 'b', cases: 4, em: 0.25, es: 0.7625, failureRate: 0 },
      { domain: 'c', cases: 1, em: 0, es: 0.1, failureRate: 1 },
    ]);
  });

  it('keeps the domains above 20 % failures, worst first', () => {
    assert.deepEqual(weakDomains(domainScores(results)).map((d) => d.domain), ['c', 'a']);
    assert.deepEqual(weakDomains(domainScores(results, { failureEs: 0.95, maxFailureRate: 0.2 }), { failureEs: 0.95, maxFailureRate: 0.2 }).map((d) => d.domain), ['a', 'c', 'b']);
  });
});

describe('trainingStop', () => {
  const config = { targetEm: 0.5, patience: 2, maxEpochs: 5, minGain: 0.001 };

  it('goes on while EM rises', () => {
    assert.equal(trainingStop([0.1], config), null);
    assert.equal(trainingStop([0.1, 0.2], config), null);
    assert.equal(trainingStop([0.1, 0.2, 0.3], config), null);
  });

  it('stops on target, on two epochs without a gain over the best before them, and on the epoch budget', () => {
    assert.equal(trainingStop([0.1, 0.6], config), 'target');
    assert.equal(trainingStop([0.1, 0.3, 0.3, 0.29], config), 'plateau');
    assert.equal(trainingStop([0.1, 0.3, 0.2, 0.31], config), null);
    assert.equal(trainingStop([0.1, 0.15, 0.2, 0.25, 0.3, 0.35], config), 'max_epochs');
  });

  it('a target reached on the last epoch is reported as target', () => {
    assert.equal(trainingStop([0.1, 0.2, 0.3, 0.35, 0.4, 0.5], config), 'target');
  });
});
