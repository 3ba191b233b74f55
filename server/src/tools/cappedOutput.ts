/**
 * Collects a stream's bytes up to a cap and counts the rest, so a program that prints forever costs bounded memory.
 * The text ends with a "[truncated: N more bytes]" marker when anything was dropped.
 */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(readonly capBytes: number) {}

  push(chunk: Buffer): void {
    const room = this.capBytes - this.kept;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.kept += part.length;
    }
    this.dropped += Math.max(0, chunk.length - Math.max(0, room));
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  /** Every byte seen, kept or not. */
  get totalBytes(): number {
    return this.kept + this.dropped;
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    return this.truncated ? `${text}\n[truncated: ${this.dropped} more bytes]` : text;
  }
}
