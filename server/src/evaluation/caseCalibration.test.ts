import { strict as assert } from 'node:assert';
import { caseCalibration } from './caseCalibration';

describe('caseCalibration', () => {
  it('computes the ECE of the confidence and of the raw score over the cases that got a candidate', () => {
    const cases = [
      { candidate: true, confidence: 0.9, rawConfidence: 0.6, em: true },
      { candidate: true, confidence: 0.9, rawConfidence: 0.6, em: false },
      { candidate: true, confidence: 0.15, rawConfidence: 0.2, em: false },
      { candidate: true, confidence: 0.15, rawConfidence: 0.2, em: false },
      // No candidate: it claims nothing, so it is out of the ECE (but counts in coverage's denominator).
      { candidate: false, confidence: 0, rawConfidence: 0, em: false },
    ];
    // Calibrated: bin 0.9 claims 1.8 with 1 right, bin 0.1 claims 0.3 with 0 right: (0.8 + 0.3) / 4.
    // Raw: bin 0.6 claims 1.2 with 1 right, bin 0.2 claims 0.4 with 0 right: (0.2 + 0.4) / 4.
    assert.deepEqual(caseCalibration(cases, 0.5), { ece: 0.275, raw_ece: 0.15, raw_coverage: 0.4, raw_shown_em: 0.5 });
  });

  it('is 0 with nothing shown for no cases', () => {
    assert.deepEqual(caseCalibration([], 0.5), { ece: 0, raw_ece: 0, raw_coverage: 0, raw_shown_em: null });
  });
});
