// Re-creates grammars/ from node_modules/@vscode/tree-sitter-wasm: the wasm grammars ArenaLab parses with, a
// manifest (language id → wasm, sha256, source, licence, extensions) and one SOURCE.md per grammar.
// Deterministic: same package version ⇒ byte-identical output, so a diff after running it means the package changed.
// Usage: node scripts/copyGrammars.mjs [--check]   (--check compares instead of writing; exit 1 on any difference)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const grammarsDir = join(root, 'grammars');
const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve('@vscode/tree-sitter-wasm/package.json');
const packageDir = dirname(packageJsonPath);
const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
const source = `${packageJson.name}@${packageJson.version}`;

// Upstream grammar repositories; versions are the ranges @vscode/tree-sitter-wasm builds from (its devDependencies).
// Every one of them is MIT-licensed, as is @vscode/tree-sitter-wasm itself.
const grammars = [
  { grammar: 'typescript', upstream: 'https://github.com/tree-sitter/tree-sitter-typescript', npm: 'tree-sitter-typescript' },
  { grammar: 'tsx', upstream: 'https://github.com/tree-sitter/tree-sitter-typescript (tsx/)', npm: 'tree-sitter-typescript' },
  { grammar: 'javascript', upstream: 'https://github.com/tree-sitter/tree-sitter-javascript', npm: 'tree-sitter-javascript' },
  { grammar: 'python', upstream: 'https://github.com/tree-sitter/tree-sitter-python', npm: 'tree-sitter-python' },
  { grammar: 'go', upstream: 'https://github.com/tree-sitter/tree-sitter-go', npm: 'tree-sitter-go' },
  { grammar: 'rust', upstream: 'https://github.com/tree-sitter/tree-sitter-rust', npm: 'tree-sitter-rust' },
  { grammar: 'java', upstream: 'https://github.com/tree-sitter/tree-sitter-java', npm: 'tree-sitter-java' },
  { grammar: 'cpp', upstream: 'https://github.com/tree-sitter/tree-sitter-cpp', npm: 'tree-sitter-cpp' },
  { grammar: 'c-sharp', upstream: 'https://github.com/tree-sitter/tree-sitter-c-sharp', npm: 'tree-sitter-c-sharp' },
  { grammar: 'ruby', upstream: 'https://github.com/tree-sitter/tree-sitter-ruby', npm: 'tree-sitter-ruby' },
  { grammar: 'php', upstream: 'https://github.com/tree-sitter/tree-sitter-php', npm: 'tree-sitter-php' },
  { grammar: 'bash', upstream: 'https://github.com/tree-sitter/tree-sitter-bash', npm: 'tree-sitter-bash' },
  { grammar: 'css', upstream: 'https://github.com/tree-sitter/tree-sitter-css', npm: 'tree-sitter-css' },
];

// LSP / VS Code language ids → grammar. The javascript grammar parses JSX, so javascriptreact shares it.
const languages = [
  { id: 'typescript', grammar: 'typescript', extensions: ['.ts', '.mts', '.cts'] },
  { id: 'typescriptreact', grammar: 'tsx', extensions: ['.tsx'] },
  { id: 'javascript', grammar: 'javascript', extensions: ['.js', '.mjs', '.cjs'] },
  { id: 'javascriptreact', grammar: 'javascript', extensions: ['.jsx'] },
  { id: 'python', grammar: 'python', extensions: ['.py', '.pyi'] },
  { id: 'go', grammar: 'go', extensions: ['.go'] },
  { id: 'rust', grammar: 'rust', extensions: ['.rs'] },
  { id: 'java', grammar: 'java', extensions: ['.java'] },
  { id: 'cpp', grammar: 'cpp', extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.hh', '.hxx', '.h'] },
  { id: 'csharp', grammar: 'c-sharp', extensions: ['.cs'] },
  { id: 'ruby', grammar: 'ruby', extensions: ['.rb'] },
  { id: 'php', grammar: 'php', extensions: ['.php'] },
  { id: 'shellscript', grammar: 'bash', extensions: ['.sh', '.bash'] },
  { id: 'css', grammar: 'css', extensions: ['.css'] },
];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const wasmPath = (grammar) => `${grammar}/tree-sitter-${grammar}.wasm`;

function sourceMd({ grammar, upstream, npm }) {
  const range = packageJson.devDependencies?.[npm] ?? 'not pinned by the package (built from the upstream repository)';
  return [
    `# tree-sitter-${grammar}`,
    '',
    `- File: \`tree-sitter-${grammar}.wasm\`, copied unchanged by \`scripts/copyGrammars.mjs\``,
    `- Taken from: \`${source}\` (${packageJson.repository.url}), licence ${packageJson.license}`,
    `- Upstream grammar: ${upstream}, npm \`${npm}\` ${range}, licence MIT`,
    '',
  ].join('\n');
}

// The MIT notice of the package the files come from travels with them; the upstream grammars are MIT as well.
function licensesMd() {
  const licence = readFileSync(join(packageDir, 'LICENSE'), 'utf8').split('\n').map((line) => line.trim()).join('\n').trim();
  const upstream = grammars.map(({ grammar, upstream: url }) => `- tree-sitter-${grammar}: ${url} (MIT)`).join('\n');
  return `# Licences of the files in grammars/\n\nThe wasm files were built by ${source} from these MIT-licensed grammars:\n\n${upstream}\n\n` +
    `## ${source}\n\n\`\`\`\n${licence}\n\`\`\`\n`;
}

function outputs() {
  const files = new Map();
  const hashes = new Map();
  for (const entry of grammars) {
    const bytes = readFileSync(join(packageDir, 'wasm', `tree-sitter-${entry.grammar}.wasm`));
    files.set(wasmPath(entry.grammar), bytes);
    files.set(`${entry.grammar}/SOURCE.md`, Buffer.from(sourceMd(entry)));
    hashes.set(entry.grammar, sha256(bytes));
  }
  const manifest = { version: 1, languages: {} };
  for (const { id, grammar, extensions } of languages) {
    manifest.languages[id] = { wasm: wasmPath(grammar), sha256: hashes.get(grammar), source, licence: 'MIT', extensions };
  }
  files.set('LICENSES.md', Buffer.from(licensesMd()));
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

const check = process.argv.includes('--check');
const differences = [];
for (const [relative, bytes] of outputs()) {
  const target = join(grammarsDir, relative);
  if (check) {
    if (!existsSync(target) || !readFileSync(target).equals(bytes)) differences.push(relative);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
if (check && differences.length > 0) {
  console.error(`grammars/ differs from ${source}: ${differences.join(', ')} (run node scripts/copyGrammars.mjs)`);
  process.exit(1);
}
console.log(check ? `grammars/ matches ${source}` : `grammars/ written from ${source}`);
