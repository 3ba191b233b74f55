export interface Db { insert(table: string, row: object): { id: number } }
export const logger = { info(...args: unknown[]): void { console.log(...args); } };
