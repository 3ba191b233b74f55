export interface Order {
  id: string;
  customerId: string;
  productIds: string[];
}

/** An in-memory table of orders, keyed by id. */
export class OrderRepository {
  private readonly rows = new Map<string, Order>();

  add(order: Order): void {
    if (this.rows.has(order.id)) {
      throw new Error(`duplicate order id: ${order.id}`);
    }
    this.rows.set(order.id, order);
  }

  get(id: string): Order | undefined {
    return this.rows.get(id);
  }

  remove(id: string): boolean {
    return this.rows.delete(id);
  }

  list(): Order[] {
    return [...this.rows.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  forCustomer(customerId: string): Order[] {
    return this.list().filter((order) => order.customerId === customerId);
  }
}
