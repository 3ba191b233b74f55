// Bundles the arenalab CLI (and, later, the LSP server and the client) into single files under dist/.
// Native modules stay external: they are loaded from node_modules at run time.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

const production = process.argv.includes('--production');

await build({
  entryPoints: { arenalab: 'server/src/cli/bundleEntry.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['hnswlib-node', 'onnxruntime-node'],
  logLevel: 'warning',
});

// The syntax layer loads grammars and the tree-sitter runtime from beside the bundle first.
cpSync('grammars', 'dist/grammars', { recursive: true });
cpSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/web-tree-sitter.wasm');
