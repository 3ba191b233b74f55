/**
 * Just enough of the Prometheus text exposition format (version 0.0.4) for the API server: counters, gauges and
 * histograms with labels. Written here rather than pulling prom-client in: the server needs a dozen series, and the
 * format is a few lines of text.
 */
export type Labels = Readonly<Record<string, string>>;

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '' : `{${keys.map((key) => `${key}="${escapeLabel(labels[key])}"`).join(',')}}`;
}

function number(value: number): string {
  if (value === Infinity) return '+Inf';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

abstract class Metric {
  constructor(readonly name: string, readonly help: string, readonly type: 'counter' | 'gauge' | 'histogram') {}

  protected abstract lines(): string[];

  text(): string {
    return [`# HELP ${this.name} ${this.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${this.name} ${this.type}`, ...this.lines()].join('\n');
  }
}

/** A counter or gauge: one value per label set. */
export class LabelledValue extends Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  add(labels: Labels, amount = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += amount;
    this.values.set(key, entry);
  }

  set(labels: Labels, value: number): void {
    this.values.set(labelText(labels), { labels, value });
  }

  get(labels: Labels): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  protected lines(): string[] {
    return [...this.values.values()].map(({ labels, value }) => `${this.name}${labelText(labels)} ${number(value)}`);
  }
}

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

/** Cumulative buckets (`le`), `_sum` and `_count` per label set. */
export class Histogram extends Metric {
  private readonly series = new Map<string, HistogramSeries>();

  constructor(name: string, help: string, private readonly bounds: readonly number[]) {
    super(name, help, 'histogram');
  }

  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels, buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    this.bounds.forEach((bound, i) => {
      if (value <= bound) series.buckets[i] += 1;
    });
    series.sum += value;
    series.count += 1;
  }

  protected lines(): string[] {
    return [...this.series.values()].flatMap(({ labels, buckets, sum, count }) => [
      ...this.bounds.map((bound, i) => `${this.name}_bucket${labelText({ ...labels, le: number(bound) })} ${buckets[i]}`),
      `${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`,
      `${this.name}_sum${labelText(labels)} ${number(sum)}`,
      `${this.name}_count${labelText(labels)} ${count}`,
    ]);
  }
}

export function counter(name: string, help: string): LabelledValue {
  return new LabelledValue(name, help, 'counter');
}

export function gauge(name: string, help: string): LabelledValue {
  return new LabelledValue(name, help, 'gauge');
}

/** The whole exposition: metric blocks separated by newlines, ending with one. */
export function exposition(metrics: readonly { text(): string }[]): string {
  return metrics.map((metric) => metric.text()).join('\n') + '\n';
}
