export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

/** An in-memory table of products, keyed by id. */
export class ProductRepository {
  private readonly rows = new Map<string, Product>();

  add(product: Product): void {
    if (this.rows.has(product.id)) {
      throw new Error(`duplicate product id: ${product.id}`);
    }
    this.rows.set(product.id, product);
  }

  get(id: string): Product | undefined {
    return this.rows.get(id);
  }

  remove(id: string): boolean {
    return this.rows.delete(id);
  }

  list(): Product[] {
    return [...this.rows.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
