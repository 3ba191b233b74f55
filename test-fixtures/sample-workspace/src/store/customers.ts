export interface Customer {
  id: string;
  name: string;
  email: string;
}

/** An in-memory table of customers, keyed by id. */
export class CustomerRepository {
  private readonly rows = new Map<string, Customer>();

  add(customer: Customer): void {
    if (this.rows.has(customer.id)) {
      throw new Error(`duplicate customer id: ${customer.id}`);
    }
    this.rows.set(customer.id, customer);
  }

  get(id: string): Customer | undefined {
    return this.rows.get(id);
  }

  remove(id: string): boolean {
    return this.rows.delete(id);
  }

  list(): Customer[] {
    return [...this.rows.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
