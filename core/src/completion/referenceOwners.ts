/**
 * Which file owns each reference of a reference space that grows as files are added: references are handed out in
 * order, one run per file, and never reused (a removed file keeps its run, so the postings' keys stay valid).
 */
export class ReferenceOwners {
  private constructor(
    private owners: Int32Array,
    private next: number,
  ) {}

  static empty(): ReferenceOwners {
    return new ReferenceOwners(new Int32Array(1024), 0);
  }

  /** The references a snapshot holds (`used()` of an earlier instance), used in place. */
  static of(used: Int32Array): ReferenceOwners {
    return new ReferenceOwners(used, used.length);
  }

  /** References handed out so far: the first of the next run. */
  get count(): number {
    return this.next;
  }

  /** Gives the next `length` references to file `fileId`. */
  reserve(fileId: number, length: number): void {
    const end = this.next + length;
    if (end > this.owners.length) {
      const grown = new Int32Array(Math.max(end, this.owners.length * 2));
      grown.set(this.owners.subarray(0, this.next));
      this.owners = grown;
    }
    this.owners.fill(fileId, this.next, end);
    this.next = end;
  }

  /** The id of the file a reference lies in. */
  owner(ref: number): number {
    return this.owners[ref];
  }

  /** The references handed out, file id per reference, as a view. */
  used(): Int32Array {
    return this.owners.subarray(0, this.next);
  }
}
