import { strict as assert } from 'node:assert';
import { JaccardCopyIndex, neverCancelled, sampleNextLineCases, scoreLine, silentProgress } from '@arenalab/core';
import type { BenchSourceFile, CompleteOptions, CompletionRequest, CompletionResult } from '@arenalab/core';
import { predictedLine, runNextLineBenchmark } from './runNextLineBenchmark';
import type { NextLineEngine } from './runNextLineBenchmark';

const progress = { phase: () => silentProgress };
const sampling = { perFile: 4, seed: 3 };

/** Files whose every line is unique to its file and line (so a target found anywhere means it leaked). */
function repo(count: number): BenchSourceFile[] {
  return Array.from({ length: count }, (_, f) => ({
    path: `src/m${f}.py`,
    language: 'python',
    text: Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? '' : `    value_${f}_${i} = compute_${f}(item_${i})`)).join('\n') + '\n',
  }));
}

type Event = { kind: 'add' | 'remove'; file: string } | { kind: 'complete'; request: CompletionRequest; options?: CompleteOptions; indexed: Map<string, string> };

/**
 * A recording engine that also tries its best to cheat: it answers with whatever line follows the prefix's last line
 * in any text it holds. Holding the target file, it would be right every time.
 */
class RecordingEngine implements NextLineEngine {
  readonly config = { showThreshold: 0.5 };
  calibrate?: NextLineEngine['calibrate'];
  readonly events: Event[] = [];
  readonly indexed = new Map<string, string>();

  get stats() {
    return { files: this.indexed.size, windows: this.indexed.size * 7 };
  }

  addFile(file: string, _language: string, text: string): void {
    this.events.push({ kind: 'add', file });
    this.indexed.set(file, text);
  }

  removeFile(file: string): void {
    this.events.push({ kind: 'remove', file });
    this.indexed.delete(file);
  }

  complete(request: CompletionRequest, options?: CompleteOptions): CompletionResult {
    this.events.push({ kind: 'complete', request, options, indexed: new Map(this.indexed) });
    const last = request.prefix.trimEnd().split('\n').pop() ?? '';
    for (const text of this.indexed.values()) {
      const lines = text.split('\n');
      const at = lines.indexOf(last);
      if (last !== '' && at >= 0 && at + 1 < lines.length) {
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return { candidates: [{ text: lines[at + 1] + '\nmore', range, confidence: 0.9, method: 'cheat', provenance: [] }], bestConfidence: 0.9 };
      }
    }
    return { candidates: [], bestConfidence: 0 };
  }
}

describe('next-line benchmark run', () => {
  it('in mid-line mode gives the engine the line up to the cursor and never the rest of it', async () => {
    const files = repo(4);
    const engine = new RecordingEngine();
    const result = await runNextLineBenchmark(files, files.map((f) => f.path), engine, sampling, neverCancelled, progress, undefined, 'mid-line');
    const asked = engine.events.flatMap((e) => (e.kind === 'complete' && e.options?.synthesis !== false ? [e] : []));
    assert.ok(asked.length > 0 && result.cases === asked.length);
    for (const e of asked) {
      const lines = files.find((f) => f.path === e.request.file)!.text.split('\n');
      const line = e.request.prefix.split('\n').length - 1;
      const typed = e.request.prefix.split('\n')[line];
      assert.ok(typed.trim() !== '' && lines[line].startsWith(typed) && lines[line] !== typed);
      assert.equal(e.request.prefix + e.request.suffix, [...lines.slice(0, line), typed, ...lines.slice(line + 1)].join('\n'));
    }
    assert.ok(result.baselines['copy-only'] && result.baselines['jaccard-copy']);
  });

  it('never lets the engine see the target line (leakage test)', async () => {
    const files = repo(5);
    const engine = new RecordingEngine();
    const result = await runNextLineBenchmark(files, files.map((f) => f.path), engine, sampling, neverCancelled, progress);
    const expected = sampleNextLineCases(files, sampling);
    const completes = engine.events.flatMap((e, i) => (e.kind === 'complete' && e.options?.synthesis !== false ? [{ e, i }] : []));
    assert.equal(completes.length, expected.length);
    // Each case is asked once more with synthesis off: the copy-only baseline, under the same hold-out.
    const copyOnly = engine.events.filter((e) => e.kind === 'complete' && e.options?.synthesis === false);
    assert.equal(copyOnly.length, expected.length);
    assert.ok(copyOnly.every((e) => e.kind === 'complete' && !e.indexed.has(e.request.file)));
    assert.equal(result.cases, expected.length);
    completes.forEach(({ e, i }, n) => {
      if (e.kind !== 'complete') return;
      const c = expected[n];
      const file = files.find((f) => f.path === c.file)!;
      const lines = file.text.split('\n');
      const targetLine = lines[c.line];
      // 1. What the engine is given is exactly the file without the target line.
      assert.equal(e.request.prefix + e.request.suffix, [...lines.slice(0, c.line), ...lines.slice(c.line + 1)].join('\n'));
      assert.equal(e.request.file, c.file);
      assert.equal(e.request.openFiles, undefined);
      assert.deepEqual(e.options, { showThreshold: 0 });
      // 2. The target file is not in the index while its cases run: removed before, added back after.
      assert.ok(!e.indexed.has(c.file), `${c.file} was indexed during its own case`);
      const lastRemove = engine.events.slice(0, i).map((x) => x.kind === 'remove' && x.file === c.file).lastIndexOf(true);
      const lastAdd = engine.events.slice(0, i).map((x) => x.kind === 'add' && x.file === c.file).lastIndexOf(true);
      assert.ok(lastRemove > lastAdd, 'removeFile must come after the last addFile and before the case');
      assert.ok(engine.events.slice(i).some((x) => x.kind === 'add' && x.file === c.file), 'the file must be added back');
      // 3. No other indexed text comes from that file: the target line is nowhere in what the engine holds.
      for (const [other, text] of e.indexed) assert.ok(!text.includes(targetLine.trim()), `target of ${c.file}:${c.line} visible in ${other}`);
    });
    // The cheating double never found its answer, and the index ends as it started.
    assert.equal(result.engine.em, 0);
    assert.deepEqual([...engine.indexed.keys()].sort(), files.map((f) => f.path).sort());
  });

  it('computes EM, ES, coverage, shown EM and the jaccard-copy baseline on the same cases', async () => {
    const files = repo(3);
    const cases = sampleNextLineCases(files, sampling);
    const oracle = new RecordingEngine();
    // Right (confidence 0.8) on even lines, wrong (confidence 0.2) on odd ones.
    oracle.complete = (request) => {
      const c = cases.find((x) => x.file === request.file && x.prefix === request.prefix)!;
      const right = c.line % 2 === 0;
      const range = { start: { line: c.line, character: 0 }, end: { line: c.line, character: 0 } };
      const text = right ? `    ${c.target}` : 'wrong';
      return { candidates: [{ text, range, confidence: right ? 0.8 : 0.2, method: 'oracle', provenance: [] }], bestConfidence: right ? 0.8 : 0.2 };
    };
    const result = await runNextLineBenchmark(files, files.map((f) => f.path), oracle, sampling, neverCancelled, progress);
    const even = cases.filter((c) => c.line % 2 === 0).length / cases.length;
    assert.ok(even > 0 && even < 1, 'the sample must mix both kinds');
    assert.equal(result.engine.em, Math.round(even * 1e4) / 1e4);
    assert.equal(result.engine.coverage, Math.round(even * 1e4) / 1e4);
    assert.equal(result.engine.shown_em, 1);
    const es = cases.reduce((sum, c) => sum + scoreLine(c.line % 2 === 0 ? c.target : 'wrong', c.target).es, 0) / cases.length;
    assert.equal(result.engine.es, Math.round(es * 1e4) / 1e4);
    const index = new JaccardCopyIndex();
    files.forEach((f) => index.addFile(f));
    const baseline = cases.map((c) => scoreLine(index.predict(c.file, c.line, c.prefix).text, c.target));
    assert.equal(result.baselines['jaccard-copy'].em, Math.round((baseline.filter((s) => s.em).length / cases.length) * 1e4) / 1e4);
    assert.equal(result.baselines['jaccard-copy'].es, Math.round((baseline.reduce((sum, s) => sum + s.es, 0) / cases.length) * 1e4) / 1e4);
    assert.ok(result.baselines['jaccard-copy'].es > 0.5, 'the look-alike files give jaccard-copy near-misses to copy');
    assert.deepEqual([result.files, result.index.files, result.index.windows], [3, 3, 21]);
    assert.ok(result.engine.p50_ms <= result.engine.p95_ms && result.engine.p95_ms <= result.engine.p99_ms);
  });

  it('benchmarks only the target files but indexes them all; no shown case gives shown_em null', async () => {
    const files = repo(4);
    const engine = new RecordingEngine();
    engine.complete = () => ({ candidates: [], bestConfidence: 0 });
    const result = await runNextLineBenchmark(files, ['src/m2.py'], engine, sampling, neverCancelled, progress);
    assert.equal(result.files, 1);
    assert.equal(result.cases, sampleNextLineCases([files[2]], sampling).length);
    assert.equal(result.index.files, 4);
    assert.deepEqual([result.engine.coverage, result.engine.shown_em, result.engine.em, result.engine.es], [0, null, 0, 0]);
  });

  it('puts the held-out file back when cancelled mid-run', async () => {
    const files = repo(3);
    const engine = new RecordingEngine();
    const token = { isCancelled: false };
    const complete = engine.complete.bind(engine);
    engine.complete = (request, options) => {
      token.isCancelled = true;
      return complete(request, options);
    };
    await assert.rejects(runNextLineBenchmark(files, files.map((f) => f.path), engine, sampling, token, progress), /benchmark was cancelled/);
    assert.equal(engine.indexed.size, 3);
  });

  it('calibrates before the cases, never on an evaluated line, and reports the ECE of confidence and raw score', async () => {
    const files = repo(3);
    const cases = sampleNextLineCases(files, sampling);
    const engine = new RecordingEngine();
    let skip: ((file: string, line: number) => boolean) | undefined;
    let completesBefore = -1;
    engine.calibrate = (skipLine) => {
      skip = skipLine;
      completesBefore = engine.events.filter((e) => e.kind === 'complete').length;
      return Promise.resolve(42);
    };
    // Always wrong, at 0.9 once "calibrated" and a raw score of 0.3.
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    engine.complete = (request) => {
      engine.events.push({ kind: 'complete', request, indexed: new Map(engine.indexed) });
      return { candidates: [{ text: 'wrong', range, confidence: 0.9, rawConfidence: 0.3, method: 'm', provenance: [] }], bestConfidence: 0.9, bestRawConfidence: 0.3 };
    };
    const result = await runNextLineBenchmark(files, files.map((f) => f.path), engine, sampling, neverCancelled, progress);
    assert.equal(completesBefore, 0, 'calibration runs before the first case');
    assert.equal(result.calibration.samples, 42);
    for (const c of cases) assert.ok(skip!(c.file, c.line), `${c.file}:${c.line} is evaluated but was not kept out of the calibration`);
    const evaluated = new Set(cases.map((c) => `${c.file}:${c.line}`));
    const others = files.flatMap((f) => f.text.split('\n').map((_, line) => ({ file: f.path, line }))).filter((x) => !evaluated.has(`${x.file}:${x.line}`));
    assert.ok(others.length > 0 && others.every((x) => !skip!(x.file, x.line)), 'the other lines stay available');
    // Never right: the ECE is the confidence claimed, raw at the show threshold nothing is shown.
    assert.deepEqual([result.engine.ece, result.engine.raw_ece, result.engine.coverage, result.engine.raw_coverage, result.engine.raw_shown_em], [0.9, 0.3, 1, 0, null]);
  });

  it('takes the first line of the first candidate as the prediction', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const candidate = (text: string) => ({ text, range, confidence: 1, method: 'm', provenance: [] });
    assert.equal(predictedLine({ candidates: [candidate('  a()\r\n  b()'), candidate('c')], bestConfidence: 1 }), '  a()');
    assert.equal(predictedLine({ candidates: [], bestConfidence: 0 }), '');
  });
});
