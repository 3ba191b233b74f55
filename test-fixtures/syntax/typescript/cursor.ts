import { join } from 'node:path';
import * as fs from 'node:fs';

const ROOT = '/tmp';

function unrelated(hidden: string): string {
  const secretLocal = hidden.trim();
  return secretLocal;
}

export class Workspace {
  private files: string[] = [];

  resolve(relative: string, strict = false): string {
    const full = join(ROOT, relative);
    if (strict && !fs.existsSync(full)) {
      throw new Error(full);
    }
    const parts = full.split('/');
    ⟨cursor⟩
    const later = parts.length;
    return later > 0 ? full : ROOT;
  }
}
