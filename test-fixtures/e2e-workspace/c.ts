import { Db, logger } from './db';

export function addGuest(db: Db, name: string) {
  const row = db.insert('users', { name });
  return row;
}
