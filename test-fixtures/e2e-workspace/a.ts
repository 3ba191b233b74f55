import { Db, logger } from './db';

export function addUser(db: Db, name: string) {
  const row = db.insert('users', { name });
  logger.info('inserted', row.id);
  return row;
}
