import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';

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

  get all(): readonly string[] {
    return this.folders;
  }

  /** The engine's key for a file of folder `root` at `relative` (a '/'-separated path). */
  keyFor(root: string, relative: string): string {
    return this.folders.length > 1 ? `${path.basename(root)}/${relative}` : relative;
  }

  /** The engine's key for a document; documents outside every folder (or not files) are keyed by their URI. */
  fileFor(uri: string): string {
    const absolute = absolutePath(uri);
    if (absolute === undefined) return uri;
    for (const root of this.folders) {
      const relative = path.relative(root, absolute);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
        return this.keyFor(root, relative.split(path.sep).join('/'));
      }
    }
    return uri;
  }

  /** The absolute path of a workspace file, for documents whose unsaved state is dropped on close. */
  absoluteFor(uri: string): string | undefined {
    return absolutePath(uri);
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
