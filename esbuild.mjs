// Bundles the arenalab CLI (which is also the LSP server: `arenalab lsp --node-ipc`) and the VS Code client into single
// files under dist/. Native modules stay external: they are loaded from node_modules at run time when present (the
// .vsix carries none; the server then uses the exact vector index). `vscode` is provided by the extension host.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

const production = process.argv.includes('--production');

/** Settings both bundles share: one CommonJS file for Node 20, minified and without maps for release. */
const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: { arenalab: 'server/src/cli/bundleEntry.ts' }, external: ['hnswlib-node', 'onnxruntime-node'] });
await build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] });

// The syntax layer loads grammars and the tree-sitter runtime from beside the bundle first.
cpSync('grammars', 'dist/grammars', { recursive: true });
cpSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/web-tree-sitter.wasm');
