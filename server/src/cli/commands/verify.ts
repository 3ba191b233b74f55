import type { Command } from 'commander';
import { resolveStoreDir, verifyStore } from '../../store';
import { printResult } from '../output';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description("Check the store's hash chain and checksums; report the first broken record and its position.")
    .option('--store <dir>', 'store directory (default: ./.arenalab)')
    .option('--json', 'print one JSON document')
    .action(async (options: { store?: string; json?: boolean }) => {
      const dir = resolveStoreDir(options.store);
      const report = await verifyStore(dir);
      printResult({ store: dir, ...report }, Boolean(options.json), (r) =>
        r.ok
          ? `store ${dir}: ok, ${r.records} records, head ${r.headHash}`
          : `store ${dir}: BROKEN after ${r.records} good records\n${r.message}`,
      );
      if (!report.ok) process.exitCode = 1;
    });
}
