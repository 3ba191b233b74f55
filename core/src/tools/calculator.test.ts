import { strict as assert } from 'node:assert';
import { CalculatorError } from './calcTokens';
import { calculatorExecutor, calculatorTool, extractExpression } from './calculatorTool';
import { evaluateExpression, formatNumber } from './evaluateExpression';
import { ToolError } from './toolErrors';

describe('calculator', () => {
  const cases: [string, number][] = [
    ['2^10 * 3', 3072],
    ['234 * 567', 132678],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['2 ** 3', 8],
    ['-2 ^ 2', -4],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['7 % 4', 3],
    ['5!', 120],
    ['3! ^ 2', 36],
    ['sqrt(16) + abs(-3)', 7],
    ['max(1, 9, 4) - min(2, 5)', 7],
    ['log(1000)', 3],
    ['log(8, 2)', 3],
    ['round(pi * 100)', 314],
    ['6 × 7 ÷ 2', 21],
    ['1_000 + 1e3', 2000],
    ['.5 + .25', 0.75],
  ];
  for (const [text, expected] of cases) {
    it(`computes ${text} = ${expected}`, () => assert.ok(Math.abs(evaluateExpression(text) - expected) < 1e-9, `${text} → ${evaluateExpression(text)}`));
  }

  it('shows 0.1 + 0.2 as 0.3 and large integers in full', () => {
    assert.equal(formatNumber(evaluateExpression('0.1 + 0.2')), '0.3');
    assert.equal(formatNumber(evaluateExpression('2^50')), '1125899906842624');
    assert.equal(formatNumber(evaluateExpression('1/3')), '0.333333333333');
  });

  const errors: [string, RegExp][] = [
    ['1 / 0', /division by zero/],
    ['2 +', /ends too early/],
    ['(1 + 2', /expected '\)'/],
    ['1 + 2)', /unexpected '\)' at character 6/],
    ['2 $ 3', /unexpected character '\$' at character 3/],
    ['foo(2)', /unknown function 'foo'/],
    ['process', /unknown name 'process'/],
    ['constructor', /unknown name 'constructor'/],
    ['constructor(1)', /unknown function 'constructor'/],
    ['tostring(1)', /unknown function 'tostring'/],
    ['sqrt(1, 2)', /takes 1 argument/],
    ['sqrt(-1)', /not a number/],
    ['10^400', /too large/],
    ['171!', /too large/],
    ['2.5!', /whole number/],
    ['', /empty/],
    ['('.repeat(500) + '1' + ')'.repeat(500), /nested deeper/],
  ];
  for (const [text, message] of errors) {
    it(`refuses ${text.slice(0, 30)} with a clear message`, () => assert.throws(() => evaluateExpression(text), (error: unknown) => error instanceof CalculatorError && message.test(error.message)));
  }

  it('never evaluates JavaScript: code-looking input is a syntax error, nothing runs', () => {
    let touched = false;
    (globalThis as Record<string, unknown>).__calcProbe = () => (touched = true);
    for (const attack of ['__calcProbe()', 'this.constructor', "require('fs')", '1; __calcProbe()', '`${1}`']) {
      assert.throws(() => evaluateExpression(attack), CalculatorError);
    }
    assert.equal(touched, false);
    delete (globalThis as Record<string, unknown>).__calcProbe;
  });

  it('extracts the expression from a request', () => {
    assert.equal(extractExpression('what is 2^10 * 3?'), '2^10 * 3');
    assert.equal(extractExpression('Calculate 234 * 567 for me please.'), '234 * 567');
    assert.equal(extractExpression('how much is 12 times 3 plus 4'), '12 * 3 + 4');
    assert.equal(extractExpression('what is sqrt(2) * 2'), 'sqrt(2) * 2');
    assert.equal(extractExpression('what is the capital of France'), undefined);
    assert.equal(extractExpression('what is 15% of 80?'), '(15 / 100) * 80');
    assert.equal(extractExpression('what is 2.5 percent of 1000'), '(2.5 / 100) * 1000');
    assert.deepEqual(calculatorTool.extractArgs('compute (3 + 4) * 5'), { expression: '(3 + 4) * 5' });
  });

  it('the executor answers with the formatted value or a bad_arguments ToolError', async () => {
    assert.equal((await calculatorExecutor.execute({ expression: '234 * 567' })).text, '132678');
    await assert.rejects(calculatorExecutor.execute({ expression: '1/0' }), (error: unknown) => error instanceof ToolError && error.code === 'bad_arguments' && /division by zero/.test(error.message));
  });
});
