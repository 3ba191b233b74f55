import { escapeHtml } from '../shared/escapeHtml';

/** One polygon of the radar: a label for the legend and one value 0–100 per axis. */
export interface RadarSeries {
  label: string;
  values: readonly number[];
  /** CSS class of the polygon (`before`, `after`, `current`): colours come from the theme in the page's style sheet. */
  className: string;
}

export interface RadarOptions {
  /** Width and height of the square drawing, in SVG units. */
  size: number;
  /** Rings drawn at these values (0–100). */
  rings: readonly number[];
}

export const DEFAULT_RADAR: RadarOptions = { size: 320, rings: [20, 40, 60, 80, 100] };

/** Room left around the chart for the axis labels (`completeness 100` beside the left and right axes). */
const MARGIN = 120;

const clamp = (value: number) => (Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0);
const fixed = (n: number) => (Math.round(n * 10) / 10).toString();

/** The point of axis `i` of `n` at `value` (0–100): axis 0 points straight up, the others follow clockwise. */
export function radarPoint(i: number, n: number, value: number, radius: number, centre: number): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (radius * clamp(value)) / 100;
  return { x: centre + r * Math.cos(angle), y: centre + r * Math.sin(angle) };
}

function polygon(values: readonly number[], n: number, radius: number, centre: number): string {
  return Array.from({ length: n }, (_, i) => radarPoint(i, n, values[i] ?? 0, radius, centre)).map((p) => `${fixed(p.x)},${fixed(p.y)}`).join(' ');
}

function anchorFor(x: number, centre: number): string {
  if (Math.abs(x - centre) < 1) return 'middle';
  return x < centre ? 'end' : 'start';
}

/**
 * The quality meter's five dimensions as an inline SVG radar chart, drawn here (no chart library, nothing remote):
 * rings every 20 points, one axis per dimension with its name and score, one polygon per series (deep analysis
 * draws before and after on the same axes). Every text is escaped.
 */
export function radarChartSvg(axes: readonly string[], series: readonly RadarSeries[], options: RadarOptions = DEFAULT_RADAR): string {
  const n = axes.length;
  if (n < 3) throw new RangeError(`a radar chart needs at least 3 axes, got ${n}`);
  const full = options.size + 2 * MARGIN;
  const centre = full / 2;
  const radius = options.size / 2;
  const rings = options.rings.map((v) => `<polygon class="ring" points="${polygon(Array(n).fill(v), n, radius, centre)}"/>`);
  const spokes = axes.map((_, i) => {
    const end = radarPoint(i, n, 100, radius, centre);
    return `<line class="axis" x1="${fixed(centre)}" y1="${fixed(centre)}" x2="${fixed(end.x)}" y2="${fixed(end.y)}"/>`;
  });
  const last = series.at(-1);
  const labels = axes.map((axis, i) => {
    const at = radarPoint(i, n, 118, radius, centre);
    const score = last ? ` ${Math.round(clamp(last.values[i] ?? 0))}` : '';
    return `<text class="label" x="${fixed(at.x)}" y="${fixed(at.y)}" text-anchor="${anchorFor(at.x, centre)}" dominant-baseline="middle">${escapeHtml(axis)}${score}</text>`;
  });
  const shapes = series.map((s) => `<polygon class="series ${escapeHtml(s.className)}" points="${polygon(s.values, n, radius, centre)}"><title>${escapeHtml(s.label)}</title></polygon>`);
  const title = series.map((s) => s.label).join(' vs ') || 'quality';
  return `<svg class="radar" role="img" aria-label="${escapeHtml(`radar chart: ${title}`)}" viewBox="0 0 ${full} ${full}" width="${full}" height="${full}" xmlns="http://www.w3.org/2000/svg">`
    + `<g>${rings.join('')}${spokes.join('')}</g><g>${shapes.join('')}</g><g>${labels.join('')}</g></svg>`;
}
