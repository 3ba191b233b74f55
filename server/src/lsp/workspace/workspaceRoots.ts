import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';

/**
 * The workspace folders the client opened, and the engine's name for each document: the workspace-relative path
 * (as the CLI and the benchmark use), prefixed by the folder name when there are several folders.
 */
export class WorkspaceRoots {
  private folders: string[] = [];

  setFromInitialize(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris.flatMap((uri) => {
      const absolute = absolutePath(uri);
      return absolute === undefined ? [] : [absolute];
    });
  }

  /** Applies a didChangeWorkspaceFolders event: removed folders go, added ones join at the end (no duplicates). */
  change(event: WorkspaceFoldersChangeEvent): void {
    const toPaths = (folders: readonly { uri: string }[]) => folders.flatMap((f) => absolutePath(f.uri) ?? []);
    const removed = new Set(toPaths(event.removed));
    const kept = this.folders.filter((f) => !removed.has(f));
    this.folders = [...kept, ...toPaths(event.added).filter((f) => !kept.includes(f))];
  }

  get all(): readonly string[] {
    return this.folders;
  }

  /** The engine's key for a file of folder `root` at `relative` (a '/'-separated path). */
  keyFor(root: string, relative: string): string {
    return this.folders.length > 1 ? `${path.basename(root)}/${relative}` : relative;
  }

  /** The folder and '/'-separated path behind an engine key (keyFor's inverse); undefined for URI keys. */
  rootOf(key: string): { root: string; relative: string } | undefined {
    if (this.folders.length <= 1) return this.folders.length === 1 && !key.includes(':') ? { root: this.folders[0], relative: key } : undefined;
    const slash = key.indexOf('/');
    const root = this.folders.find((folder) => path.basename(folder) === key.slice(0, slash));
    return root === undefined || slash < 0 ? undefined : { root, relative: key.slice(slash + 1) };
  }

  /** The folder a document lies in and its '/'-separated path there; undefined outside every folder (or not a file). */
  locate(uri: string): { root: string; relative: string } | undefined {
    const absolute = absolutePath(uri);
    if (absolute === undefined) return undefined;
    for (const root of this.folders) {
      const relative = path.relative(root, absolute);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return { root, relative: relative.split(path.sep).join('/') };
    }
    return undefined;
  }

  /** The engine's key for a document; documents outside every folder (or not files) are keyed by their URI. */
  fileFor(uri: string): string {
    const at = this.locate(uri);
    return at === undefined ? uri : this.keyFor(at.root, at.relative);
  }

  uriFor(absolute: string): string {
    return pathToFileURL(absolute).href;
  }
}

function absolutePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
