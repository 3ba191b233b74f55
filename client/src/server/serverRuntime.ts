import { MIN_NODE, NODE_FIX, atLeast, checkNode, parseNodeVersion, probeNodeVersion } from './nodeRuntime';
import type { VersionProbe } from './nodeRuntime';

/**
 * What runs the server: the editor's own runtime (the extension host's executable started with
 * ELECTRON_RUN_AS_NODE, as language servers usually are, so no second Node needs installing), or an external Node.
 */
export type ServerRuntime =
  | { kind: 'editor'; version: string }
  | { kind: 'external'; path: string; version: string };

export type RuntimeChoice = { ok: true; runtime: ServerRuntime; note?: string } | { ok: false; problem: string };

/** The editor's runtime as the extension host sees it: `process.versions.node`. */
export interface EditorRuntime {
  nodeVersion: string;
}

/** How the status bar and the log name a runtime. */
export function describeRuntime(runtime: ServerRuntime): string {
  return runtime.kind === 'editor'
    ? `the editor's runtime (Node ${runtime.version})`
    : `${runtime.path} (Node ${runtime.version.replace(/^v/, '')})`;
}

/**
 * `arenalab.server.nodePath` empty: the editor's runtime when its Node is new enough, else `node` on PATH (said in
 * the note), else a problem naming both. A path: that Node, checked, and nothing else (the user chose it).
 */
export async function chooseServerRuntime(nodePath: string, editor: EditorRuntime, probe: VersionProbe = probeNodeVersion): Promise<RuntimeChoice> {
  if (nodePath !== '') {
    const node = await checkNode(nodePath, probe);
    return node.ok ? { ok: true, runtime: { kind: 'external', path: nodePath, version: node.version } } : node;
  }
  const editorVersion = parseNodeVersion(editor.nodeVersion);
  if (editorVersion && atLeast(editorVersion, MIN_NODE)) return { ok: true, runtime: { kind: 'editor', version: editor.nodeVersion } };
  const why = `the editor's runtime is Node ${editor.nodeVersion}, older than ${MIN_NODE.join('.')}`;
  const onPath = await checkNode('node', probe);
  if (onPath.ok) return { ok: true, runtime: { kind: 'external', path: 'node', version: onPath.version }, note: `${why}; using node on PATH` };
  return { ok: false, problem: `ArenaLab cannot start its server: ${why}, and no Node ${MIN_NODE.join('.')}+ is on PATH. ${NODE_FIX}` };
}
