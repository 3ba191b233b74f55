// Bundles the arenalab CLI (which is also the LSP server: `arenalab lsp --stdio`) and the VS Code client into single
// files under dist/. Native modules stay external: a .node addon cannot be bundled. hnswlib-node is copied with what it
// requires at run time into dist/node_modules, where `require` from dist/arenalab.js finds it inside the installed
// extension; onnxruntime-node (an optional, user-enabled embedder) is not shipped. `vscode` comes from the host.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { build, context } from 'esbuild';

const production = process.argv.includes('--production');
// --watch: rebuild both bundles on every change (the "Launch Extension" debug loop), with source maps, never minified.
const watch = process.argv.includes('--watch');

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

const bundles = [
  { ...common, entryPoints: { arenalab: 'server/src/cli/bundleEntry.ts' }, external: ['hnswlib-node', 'onnxruntime-node'] },
  // The completion index's worker thread: beside arenalab.js, where indexInWorker looks for it (dist/indexWorker.js).
  { ...common, entryPoints: { indexWorker: 'server/src/workspace/indexWorker.ts' } },
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] },
];

/**
 * Marks the start and end of each rebuild and prints errors as `file:line:column: error: text`, the lines the
 * "esbuild watch" problem matcher of .vscode/tasks.json reads, so a debug launch waits for the first bundle.
 */
const watchLog = {
  name: 'watch-log',
  setup(builder) {
    builder.onStart(() => console.log('[watch] build started'));
    builder.onEnd(({ errors }) => {
      for (const { text, location } of errors) console.error(`${location?.file}:${location?.line}:${location?.column}: error: ${text}`);
      console.log('[watch] build finished');
    });
  },
};

if (watch) {
  // One context for both bundles, so one started/finished pair brackets a rebuild; neither side imports the other's
  // externals, so the union changes nothing in either bundle.
  const entryPoints = Object.assign({}, ...bundles.map((options) => options.entryPoints));
  const external = bundles.flatMap((options) => options.external);
  await (await context({ ...common, entryPoints, external, plugins: [watchLog] })).watch();
} else {
  for (const options of bundles) await build(options);
}

// The syntax layer loads grammars and the tree-sitter runtime from beside the bundle first.
cpSync('grammars', 'dist/grammars', { recursive: true });
cpSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/web-tree-sitter.wasm');

/** hnswlib-node's run-time files: its loader, the addon built by npm install, and `bindings`, which finds the addon. */
const NATIVE_RUNTIME = {
  'hnswlib-node': ['package.json', 'LICENSE.txt', 'lib/index.js', 'build/Release/addon.node'],
  bindings: ['package.json', 'LICENSE.md', 'bindings.js'],
  'file-uri-to-path': ['package.json', 'LICENSE', 'index.js'],
};

rmSync('dist/node_modules', { recursive: true, force: true });
for (const [name, files] of Object.entries(NATIVE_RUNTIME)) {
  for (const file of files) {
    const from = `node_modules/${name}/${file}`;
    if (!existsSync(from)) {
      throw new Error(`${from} is missing: the .vsix needs hnswlib-node built for this platform (run \`npm rebuild hnswlib-node\`; it needs a C++ compiler)`);
    }
    cpSync(from, `dist/node_modules/${name}/${file}`);
  }
}
