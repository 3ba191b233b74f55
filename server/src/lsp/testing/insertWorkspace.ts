import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Test support shared by the real-client LSP tests: a workspace where two functions share the same body, so the
// engine predicts that body's next line in a third.

/** The first lines of every file of the workspace. */
export const INSERT_HEADER = ["import { Db, logger } from './db';", ''];

/** A function inserting a row and logging it, named `name`. */
export function insertFunction(name: string): string[] {
  return [
    `export function ${name}(db: Db, name: string) {`,
    "  const row = db.insert('users', { name });",
    "  logger.info('inserted', row.id);",
    '  return row;',
    '}',
  ];
}

/** What the engine should suggest after the first two lines of a new insert function. */
export const PREDICTED_INSERT_LINE = "logger.info('inserted', row.id);";

/** What the engine suggests there with blocks on (`arenalab.maxLines` above 1): the rest of the body, from that line. */
export const PREDICTED_INSERT_BLOCK = `${PREDICTED_INSERT_LINE}\n  return row;`;

/** A temp folder with `a.ts` (addUser), `b.ts` (addAdmin) and `db.ts`; the caller removes it. */
export function writeInsertWorkspace(prefix: string): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(workspace, 'a.ts'), [...INSERT_HEADER, ...insertFunction('addUser'), ''].join('\n'));
  fs.writeFileSync(path.join(workspace, 'b.ts'), [...INSERT_HEADER, ...insertFunction('addAdmin'), ''].join('\n'));
  fs.writeFileSync(path.join(workspace, 'db.ts'), 'export interface Db { insert(table: string, row: object): { id: number } }\n');
  return workspace;
}
