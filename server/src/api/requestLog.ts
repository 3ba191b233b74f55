import type { Clock } from '@arenalab/core';

/** One finished request, as logged: never the API key (only its id) and never the prompt. */
export interface RequestLogEntry {
  request_id: string;
  method: string;
  route: string;
  status: number;
  latency_ms: number;
  key_id: string | null;
  creature: string | null;
  stream?: boolean;
  /** The error code of a refused or failed request. */
  error?: string;
}

export type LogLevel = 'info' | 'warn' | 'error';

/**
 * The server's log: one JSON object per line (`--json-logs`, for log shippers) or one readable line, written to the
 * given sink (stderr by default; stdout stays free for scripts). Time comes from the injected clock.
 */
export class ApiLog {
  constructor(
    private readonly write: (line: string) => void,
    private readonly json: boolean,
    private readonly clock: Clock,
  ) {}

  request(entry: RequestLogEntry): void {
    const level: LogLevel = entry.status >= 500 ? 'error' : entry.status >= 400 ? 'warn' : 'info';
    const human = `${entry.request_id} ${entry.method} ${entry.route} ${entry.status} ${entry.latency_ms} ms` +
      `${entry.key_id ? ` key=${entry.key_id}` : ''}${entry.creature ? ` creature=${entry.creature}` : ''}${entry.error ? ` error=${entry.error}` : ''}`;
    this.emit(level, 'request', { ...entry }, human);
  }

  event(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    const extra = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    this.emit(level, msg, fields, [msg, ...extra].join(' '));
  }

  private emit(level: LogLevel, msg: string, fields: Record<string, unknown>, human: string): void {
    const time = new Date(this.clock.now()).toISOString();
    this.write(this.json ? JSON.stringify({ time, level, msg, ...fields }) : `${time} ${level.padEnd(5)} ${human}`);
  }
}
