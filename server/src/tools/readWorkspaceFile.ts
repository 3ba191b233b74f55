import { ToolError, type ToolExecutor } from '@arenalab/core';
import { readCheckedFile } from './readCheckedFile';
import { confineWorkspacePath, looksBinary, type WorkspaceToolConfig } from './workspacePaths';

/** Most lines returned by one read; ask for a range to see the rest. */
export const MAX_READ_LINES = 400;

/** The read_file tool: a workspace text file (or a range of its lines), confined to the workspace. */
export function readWorkspaceFileExecutor(config: WorkspaceToolConfig): ToolExecutor {
  return {
    async execute(args) {
      const { absolute, rel } = confineWorkspacePath(config, String(args.path));
      const bytes = readCheckedFile(absolute, rel, config.maxFileBytes);
      if (looksBinary(bytes)) throw new ToolError('denied', `'${rel}' is a binary file`);
      const lines = bytes.toString('utf8').split(/\r?\n/);
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      const start = Math.max(1, Number(args.start_line ?? 1));
      if (start > lines.length) throw new ToolError('bad_arguments', `'${rel}' has ${lines.length} lines; start_line ${start} is past the end`);
      const wanted = Math.min(lines.length, Number(args.end_line ?? lines.length));
      if (wanted < start) throw new ToolError('bad_arguments', `end_line ${wanted} is before start_line ${start}`);
      const end = Math.min(wanted, start + MAX_READ_LINES - 1);
      const more = end < wanted ? `\n[truncated: lines ${end + 1}–${wanted} not shown; ask for a range]` : '';
      const header = `${rel} (lines ${start}–${end} of ${lines.length})`;
      return { text: `${header}\n${lines.slice(start - 1, end).join('\n')}${more}`, data: { path: rel, start, end, total: lines.length }, sources: [`${rel}:${start}-${end}`] };
    },
  };
}
