import { strict as assert } from 'node:assert';
import { seededRandom } from '../ports/random';
import type { Span } from '../spans/span';
import { CompletionEngine } from './completionEngine';
import type { CompletionRequest } from './completionTypes';
import { outcomeCalibrationSample, SelfCalibration } from './selfCalibration';
import { linesPerSampledFile, sampleSelfCalibration } from './selfCalibrationSample';
import { selfCalibrationReport } from './selfCalibrationReport';
import type { SelfCalibratingEngine } from './selfCalibrationSample';

/** Files of the same shape with names and a few lines that vary: some held-out lines are predictable, some not. */
function corpus(files: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let f = 0; f < files; f++) {
    const name = `item${f % 4}`;
    out[`src/f${f}.ts`] = [
      `export function load${f}(store: Store): Item {`,
      `  const ${name} = store.read('${name}');`,
      `  if (!${name}) throw new Error('missing ${name}');`,
      `  const checked = validate(${name}, { strict: ${f % 2 === 0} });`,
      `  return normalise(checked, ${f % 3});`,
      `}`,
    ].join('\n');
  }
  return out;
}

function engineOver(files: Record<string, string>, config: ConstructorParameters<typeof CompletionEngine>[0] = {}): CompletionEngine {
  const engine = new CompletionEngine(config);
  for (const [file, text] of Object.entries(files)) engine.addFile(file, 'typescript', text);
  return engine;
}

/** The engine with every `complete` checked: the document asked about is never in the index at that moment. */
function recording(engine: CompletionEngine): SelfCalibratingEngine & { asked: CompletionRequest[]; leaks: string[] } {
  const asked: CompletionRequest[] = [];
  const leaks: string[] = [];
  return {
    asked, leaks,
    indexedFiles: () => engine.indexedFiles(),
    indexedFile: (file) => engine.indexedFile(file),
    removeFile: (file) => engine.removeFile(file),
    addFile: (file, language, text) => engine.addFile(file, language, text),
    complete: (request, options) => {
      asked.push(request);
      if (engine.hasFile(request.file)) leaks.push(request.file);
      return engine.complete(request, options);
    },
  };
}

function outcomeSpan(id: string, outcome: 'accepted' | 'dismissed', raw: number): Span {
  return {
    id, schema_version: '1', source: 'editor', who: 'arenalab', did: 'suggest_completion', this: 'a.ts:3', when: '2026-01-01T00:00:00.000Z',
    status: outcome === 'accepted' ? 'completed' : 'failed', if_ok: 'x',
    metadata: { outcome, confidence: raw, raw_confidence: raw, mode: 'next-line', language: 'typescript' },
  } as unknown as Span;
}

describe('self-calibration', () => {
  it('samples leave-one-file-out: the file completed is never indexed meanwhile, and is back afterwards', async () => {
    const files = corpus(16);
    const engine = engineOver(files);
    const probe = recording(engine);
    const samples = await sampleSelfCalibration(probe, { files: 10, linesPerFile: 3, random: seededRandom(5), pause: () => Promise.resolve() });
    assert.ok(samples.length >= 20, `only ${samples.length} samples`);
    assert.deepEqual(probe.leaks, []);
    assert.ok(samples.some((s) => s.mode === 'next-line') && samples.some((s) => s.mode === 'mid-line'));
    assert.ok(samples.some((s) => s.correct) && samples.some((s) => !s.correct), 'the corpus should give both outcomes');
    assert.equal(engine.stats.files, 16);
    for (const file of Object.keys(files)) assert.ok(engine.hasFile(file), `${file} not re-added`);
  });

  it('spreads the held-out lines over the files sampled: a small workspace gets more per file', () => {
    assert.deepEqual([linesPerSampledFile(2000, 300, 1705), linesPerSampledFile(2000, 300, 87), linesPerSampledFile(2000, 300, 0)], [7, 23, 2000]);
  });

  it('leaves a file changed while it paused as it now is, never re-adding the text it held out', async () => {
    const files = corpus(6);
    const engine = engineOver(files);
    let pauses = 0;
    const edited = (file: string) => `${files[file]}\n// edited`;
    const pause = () => {
      // Mid-sampling an editor re-indexes every file with new text, as DocumentSync would between two cases.
      if (++pauses === 3) for (const file of Object.keys(files)) engine.addFile(file, 'typescript', edited(file));
      return Promise.resolve();
    };
    await sampleSelfCalibration(recording(engine), { files: 6, linesPerFile: 4, random: seededRandom(2), pause });
    assert.ok(pauses > 3);
    for (const file of Object.keys(files)) assert.equal(engine.indexedFile(file)?.text, edited(file), file);
  });

  it('never samples a line it is told to skip, and is reproducible from its seed', async () => {
    const engine = engineOver(corpus(8));
    const probe = recording(engine);
    const skipped = (file: string, line: number) => line === 2 || file === 'src/f3.ts';
    const run = () => sampleSelfCalibration(probe, { files: 8, linesPerFile: 6, random: seededRandom(9), skipLine: skipped, pause: () => Promise.resolve() });
    const first = await run();
    const asked = probe.asked.splice(0);
    assert.ok(asked.length > 0);
    for (const request of asked) {
      const line = request.prefix.split('\n').length - 1;
      assert.ok(!skipped(request.file, line), `${request.file}:${line} was sampled`);
    }
    assert.deepEqual(await run(), first);
  });

  it('turns the engine confidence from the raw score into the fitted map once enough samples are in', async () => {
    const engine = engineOver(corpus(24), { calibrationFiles: 24, calibrationLines: 96, calibrationMinSamples: 20 });
    const request = { file: 'new.ts', language: 'typescript', prefix: 'export function loadX(store: Store): Item {\n', suffix: '' };
    const before = engine.complete(request, { showThreshold: 0 }).candidates[0];
    assert.equal(before.confidence, before.rawConfidence, 'unfitted: the identity');
    const calibration = new SelfCalibration(engine);
    const used = await calibration.fitWorkspace({ random: seededRandom(1), pause: () => Promise.resolve() });
    assert.ok(used >= 20, `${used} samples`);
    const after = engine.complete(request, { showThreshold: 0 }).candidates[0];
    assert.equal(after.rawConfidence, before.rawConfidence);
    assert.notEqual(after.confidence, after.rawConfidence);
    assert.equal(after.confidence, engine.calibration.calibrate(after.rawConfidence!, 'next-line', 'typescript'));
  });

  it('reports per mode the ECE of raw and cross-fitted calibrated confidence on two folds of files', async () => {
    const engine = engineOver(corpus(24));
    const modes = await selfCalibrationReport(engine, { random: seededRandom(4), bins: 10 });
    assert.deepEqual(modes.map((m) => m.mode), ['mid-line', 'next-line']);
    for (const m of modes) {
      assert.ok(m.samples > 10, JSON.stringify(m));
      assert.ok(m.eceRaw >= 0 && m.eceRaw <= 1 && m.eceCalibrated >= 0 && m.eceCalibrated <= 1, JSON.stringify(m));
    }
    assert.equal(engine.stats.files, 24, 'every file is back in the index');
  });

  it('refits from accepted and dismissed outcomes, each outcome span once', () => {
    const engine = new CompletionEngine({ calibrationMinSamples: 10, calibrationPriorStrength: 1 });
    const calibration = new SelfCalibration(engine);
    const dismissed = Array.from({ length: 30 }, (_, i) => outcomeSpan(`d${i}`, 'dismissed', 0.8));
    assert.equal(calibration.observe(dismissed), 30);
    const down = engine.calibration.calibrate(0.8, 'next-line', 'typescript');
    assert.ok(down < 0.5, `30 dismissals at 0.8 → ${down}`);
    assert.equal(calibration.observe(dismissed), 0, 'the same spans again count nothing');
    calibration.observe(Array.from({ length: 60 }, (_, i) => outcomeSpan(`a${i}`, 'accepted', 0.8)));
    assert.ok(engine.calibration.calibrate(0.8, 'next-line', 'typescript') > down);
  });

  it('labels only outcome spans that carry the raw score, mode and language', () => {
    assert.deepEqual(outcomeCalibrationSample(outcomeSpan('x', 'accepted', 0.4)), { raw: 0.4, mode: 'next-line', language: 'typescript', correct: true });
    const old = outcomeSpan('y', 'dismissed', 0.4);
    delete old.metadata!.raw_confidence;
    assert.equal(outcomeCalibrationSample(old), undefined);
    const timedOut = outcomeSpan('z', 'dismissed', 0.4);
    timedOut.metadata!.dismiss_reason = 'timeout';
    assert.equal(outcomeCalibrationSample(timedOut), undefined);
  });
});
