import { strict as assert } from 'node:assert';
import { CompletionEngine, SelfCalibration, yieldToHost } from '@arenalab/core';
import { BackgroundCalibration } from './backgroundCalibration';

/** Sixteen files of one shape: enough held-out lines for a calibration. */
function engineOverShapedFiles(): CompletionEngine {
  const engine = new CompletionEngine({ calibrationMinSamples: 10 });
  for (let f = 0; f < 16; f++) {
    const name = `item${f % 4}`;
    engine.addFile(`load${f}.ts`, 'typescript', [
      `export function load${f}(store: Store): Item {`,
      `  const ${name} = store.read('${name}');`,
      `  if (!${name}) throw new Error('missing ${name}');`,
      `  return normalise(validate(${name}), ${f % 3});`,
      '}',
    ].join('\n'));
  }
  return engine;
}

describe('BackgroundCalibration', () => {
  it('waits while completion requests are being answered, then calibrates', async () => {
    const engine = engineOverShapedFiles();
    const logs: string[] = [];
    let busy = true;
    const run = new BackgroundCalibration(new SelfCalibration(engine), (line) => logs.push(line), () => busy).restart();
    for (let i = 0; i < 20; i++) await yieldToHost();
    assert.equal(engine.calibration.fitted, false, 'no case may run while a request is answered');
    busy = false;
    await run;
    assert.equal(engine.calibration.fitted, true);
    assert.match(logs.join('\n'), /^confidence calibrated on \d+ held-out sample/);
  });

  it('a restart cancels the running calibration, and a cancelled one logs nothing', async () => {
    const engine = engineOverShapedFiles();
    const logs: string[] = [];
    const background = new BackgroundCalibration(new SelfCalibration(engine), (line) => logs.push(line));
    const first = background.restart();
    const second = background.restart();
    await Promise.all([first, second]);
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.equal(engine.calibration.fitted, true);
  });
});
