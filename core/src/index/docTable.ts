import { ensureCapacity, trimmed } from './growTypedArray';

/**
 * The documents of an inverted index by slot: id, group, length, liveness, and the forward list of its distinct
 * term ids (needed to keep document frequencies exact when a document is removed). Slots are assigned in insertion
 * order and never reused, so posting lists stay sorted; removal only marks a slot dead until {@link compact}.
 */
export class DocTable {
  ids: string[] = [];
  groups: Array<string | undefined> = [];
  readonly slotOf = new Map<string, number>();
  readonly members = new Map<string, Set<string>>();
  alive = new Uint8Array(16);
  docLength = new Uint32Array(16);
  termStart = new Uint32Array(16);
  termCount = new Uint32Array(16);
  terms = new Uint32Array(1024);
  termsUsed = 0;
  liveCount = 0;
  totalLength = 0;

  get slotCount(): number {
    return this.ids.length;
  }

  get deadCount(): number {
    return this.ids.length - this.liveCount;
  }

  /** Appends a live document; `distinctTerms` are its term ids, each once. */
  add(id: string, group: string | undefined, length: number, distinctTerms: ArrayLike<number>): number {
    const slot = this.ids.length;
    this.ids.push(id);
    this.groups.push(group);
    this.slotOf.set(id, slot);
    if (group !== undefined) this.membersOf(group).add(id);
    this.alive = ensureCapacity(this.alive, slot + 1);
    this.docLength = ensureCapacity(this.docLength, slot + 1);
    this.termStart = ensureCapacity(this.termStart, slot + 1);
    this.termCount = ensureCapacity(this.termCount, slot + 1);
    this.terms = ensureCapacity(this.terms, this.termsUsed + distinctTerms.length);
    this.alive[slot] = 1;
    this.docLength[slot] = length;
    this.termStart[slot] = this.termsUsed;
    this.termCount[slot] = distinctTerms.length;
    for (let i = 0; i < distinctTerms.length; i++) this.terms[this.termsUsed++] = distinctTerms[i];
    this.liveCount++;
    this.totalLength += length;
    return slot;
  }

  /** Marks `slot` dead and returns its distinct term ids. */
  kill(slot: number): Uint32Array {
    const id = this.ids[slot];
    const group = this.groups[slot];
    this.alive[slot] = 0;
    this.slotOf.delete(id);
    if (group !== undefined) {
      const members = this.members.get(group);
      members?.delete(id);
      if (members?.size === 0) this.members.delete(group);
    }
    this.liveCount--;
    this.totalLength -= this.docLength[slot];
    return this.terms.subarray(this.termStart[slot], this.termStart[slot] + this.termCount[slot]);
  }

  /** Old slot → new slot for live documents, -1 for dead ones; monotonic, so sorted lists stay sorted. */
  compactionMap(): Int32Array {
    const map = new Int32Array(this.ids.length);
    let next = 0;
    for (let slot = 0; slot < this.ids.length; slot++) map[slot] = this.alive[slot] ? next++ : -1;
    return map;
  }

  /** Drops dead slots (per {@link compactionMap}) and all growth slack. */
  compact(map: Int32Array): void {
    const live = this.liveCount;
    const ids = new Array<string>(live);
    const groups = new Array<string | undefined>(live);
    const docLength = new Uint32Array(live);
    const termStart = new Uint32Array(live);
    const termCount = new Uint32Array(live);
    let used = 0;
    for (let slot = 0; slot < map.length; slot++) used += map[slot] >= 0 ? this.termCount[slot] : 0;
    const terms = new Uint32Array(used);
    used = 0;
    for (let slot = 0; slot < map.length; slot++) {
      const to = map[slot];
      if (to < 0) continue;
      ids[to] = this.ids[slot];
      groups[to] = this.groups[slot];
      docLength[to] = this.docLength[slot];
      termStart[to] = used;
      termCount[to] = this.termCount[slot];
      terms.set(this.terms.subarray(this.termStart[slot], this.termStart[slot] + this.termCount[slot]), used);
      used += this.termCount[slot];
      this.slotOf.set(ids[to], to);
    }
    Object.assign(this, { ids, groups, docLength, termStart, termCount, terms, termsUsed: used });
    this.alive = new Uint8Array(live).fill(1);
  }

  /** Shrinks growable arrays to their used length (after a bulk load). */
  trim(): void {
    const n = this.ids.length;
    this.alive = trimmed(this.alive, n);
    this.docLength = trimmed(this.docLength, n);
    this.termStart = trimmed(this.termStart, n);
    this.termCount = trimmed(this.termCount, n);
    this.terms = trimmed(this.terms, this.termsUsed);
  }

  byteSize(): number {
    return this.alive.byteLength + this.docLength.byteLength + this.termStart.byteLength + this.termCount.byteLength + this.terms.byteLength;
  }

  private membersOf(group: string): Set<string> {
    let members = this.members.get(group);
    if (!members) this.members.set(group, (members = new Set()));
    return members;
  }
}
