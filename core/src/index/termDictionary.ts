/**
 * Interns token strings as dense integer ids, so postings, forward lists and query plans hold small integers
 * instead of strings (a million windows repeat the same few hundred thousand tokens tens of millions of times).
 */
export class TermDictionary {
  private readonly idOf = new Map<string, number>();
  private readonly terms: string[] = [];

  constructor(terms: readonly string[] = []) {
    for (const term of terms) this.intern(term);
  }

  get size(): number {
    return this.terms.length;
  }

  /** The id of `term`, assigning the next one on first sight. */
  intern(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.idOf.set(term, id);
    }
    return id;
  }

  lookup(term: string): number | undefined {
    return this.idOf.get(term);
  }

  term(id: number): string {
    return this.terms[id];
  }

  /** All terms in id order (for serialization). */
  all(): readonly string[] {
    return this.terms;
  }
}
