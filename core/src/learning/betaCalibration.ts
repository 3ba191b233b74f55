import type { CalibrationPoint } from './expectedCalibrationError';

/**
 * Beta calibration (Kull et al. 2017): p' = σ(a · ln p − b · ln(1 − p) + c). Three parameters, monotone in p while
 * a, b ≥ 0, and it contains both the identity (a = b = 1, c = 0) and Platt scaling on the logit (a = b): small
 * enough to fit on a few hundred labelled suggestions, flexible enough for a score that is too sure at one end and
 * too shy at the other.
 */
export interface BetaMap {
  a: number;
  b: number;
  c: number;
}

export const IDENTITY_BETA_MAP: Readonly<BetaMap> = { a: 1, b: 1, c: 0 };

/** Raw scores are clamped here before the logs: 0 and 1 would be infinitely sure. */
const EDGE = 1e-4;
const ITERATIONS = 50;

function features(p: number): [number, number, number] {
  const q = Math.min(1 - EDGE, Math.max(EDGE, p));
  return [Math.log(q), -Math.log(1 - q), 1];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function applyBetaMap(map: BetaMap, p: number): number {
  const [x, y, one] = features(p);
  return sigmoid(map.a * x + map.b * y + map.c * one);
}

/** Solves the 3×3 system h · d = g by Cramer's rule; the prior term keeps h positive definite. */
function solve3(h: number[][], g: number[]): number[] {
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(h);
  if (!(Math.abs(d) > 1e-12)) return [0, 0, 0];
  return [0, 1, 2].map((k) => det(h.map((row, i) => row.map((v, j) => (j === k ? g[i] : v)))) / d);
}

/**
 * The maximum a posteriori beta map: log loss over the points plus a Gaussian prior of `strength` pulling the
 * parameters toward `prior`, so a group with few points stays near its parent's map (a language seen 30 times is
 * not fitted on 30 points alone). Newton steps, with a and b projected to ≥ 0 so the map stays monotone.
 */
export function fitBetaMap(points: readonly CalibrationPoint[], prior: Readonly<BetaMap> = IDENTITY_BETA_MAP, strength = 1): BetaMap {
  const rows = points.map((p) => ({ x: features(p.confidence), y: p.correct ? 1 : 0 }));
  const theta0 = [prior.a, prior.b, prior.c];
  let theta = [...theta0];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const g = theta.map((t, k) => strength * (t - theta0[k]));
    const h = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? strength : 0)));
    for (const { x, y } of rows) {
      const q = sigmoid(theta[0] * x[0] + theta[1] * x[1] + theta[2] * x[2]);
      const w = q * (1 - q);
      for (let i = 0; i < 3; i++) {
        g[i] += (q - y) * x[i];
        for (let j = 0; j < 3; j++) h[i][j] += w * x[i] * x[j];
      }
    }
    const step = solve3(h, g);
    const next = theta.map((t, k) => t - step[k]);
    next[0] = Math.max(0, next[0]);
    next[1] = Math.max(0, next[1]);
    const moved = Math.max(...next.map((t, k) => Math.abs(t - theta[k])));
    theta = next;
    if (moved < 1e-7) break;
  }
  return { a: theta[0], b: theta[1], c: theta[2] };
}
