import type { Command } from 'commander';
import { repairStore, resolveStoreDir, verifyStore, type RepairReport, type VerifyReport } from '../../store';
import { printResult } from '../output';

function describeVerify(dir: string, report: VerifyReport): string {
  return report.ok
    ? `store ${dir}: ok, ${report.records} records, head ${report.headHash}`
    : `store ${dir}: BROKEN after ${report.records} good records\n${report.message}`;
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description("Check the store's hash chain and checksums; report the first broken record and its position.")
    .option('--store <dir>', 'store directory (default: ./.arenalab)')
    .option('--repair', 'move damaged records into a quarantine-<time>.jsonl file beside the log and chain the rest again')
    .option('--json', 'print one JSON document')
    .action(async (options: { store?: string; json?: boolean; repair?: boolean }) => {
      const dir = resolveStoreDir(options.store);
      const repair: RepairReport | undefined = options.repair ? await repairStore(dir) : undefined;
      const report = await verifyStore(dir);
      const result = { store: dir, ...report, ...(repair ? { repair } : {}) };
      printResult(result, Boolean(options.json), () =>
        repair ? `${repair.message}\n${describeVerify(dir, report)}` : describeVerify(dir, report),
      );
      if (!report.ok) process.exitCode = 1;
    });
}
