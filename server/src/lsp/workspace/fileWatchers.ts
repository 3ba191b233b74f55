import { DidChangeWatchedFilesNotification, WatchKind } from 'vscode-languageserver/node';
import type { Connection, FileSystemWatcher, InitializeParams } from 'vscode-languageserver/node';
import { LANGUAGE_BY_EXTENSION } from '../../workspace';

/**
 * What the server asks the client to watch: every source file of a language it indexes, every `.gitignore` (it
 * changes what a folder lists), and creations and deletions of anything, since an editor reports a folder that
 * appeared or vanished as the folder alone (VS Code drops the events of everything inside it). Which of the reported files are indexed is decided by the server (excludes, .gitignore, size), not here.
 */
export const FILE_WATCHERS: readonly (FileSystemWatcher & { globPattern: string })[] = [
  { globPattern: `**/*.{${Object.keys(LANGUAGE_BY_EXTENSION).join(',')}}` },
  { globPattern: '**/.gitignore' },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

/** Whether the client takes a `workspace/didChangeWatchedFiles` registration from the server. */
export function clientRegistersFileWatchers(params: InitializeParams): boolean {
  return params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
}

/**
 * Asks the client to report changes of the files on disk (a `git checkout`, a build, another program), so the index
 * follows them without a manual re-index. A client that cannot take the registration is told nothing; the log says
 * that such changes are seen at the next re-index.
 */
export async function registerFileWatchers(connection: Connection, supported: boolean): Promise<void> {
  if (!supported) {
    connection.console.info('the client does not take file watcher registrations: files changed outside the editor are seen at the next re-index');
    return;
  }
  try {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...FILE_WATCHERS] });
    connection.console.info(`watching the workspace's files: ${FILE_WATCHERS.map((w) => w.globPattern).join(', ')}`);
  } catch (error) {
    connection.console.error(`registering file watchers failed: ${String(error)}; files changed outside the editor are seen at the next re-index`);
  }
}
