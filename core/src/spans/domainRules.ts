/**
 * The keyword table behind detectDomain. Each rule scores a text: a `names` word (the domain's own
 * name, e.g. "typescript") counts 3, a `words` word 1, a `hints` word 0.5 (words too common to
 * decide alone, such as "sum" or "image"), a `patterns` match 2. Words are matched against
 * lowercase tokens, so "sql" does not match inside "mysqldump". Order matters only for ties: an
 * earlier rule wins, so tools (git, docker, sql) come before the languages they are used from.
 */
export interface DomainRule {
  domain: string;
  names: readonly string[];
  words: readonly string[];
  hints: readonly string[];
  patterns: readonly RegExp[];
}

const rule = (domain: string, names: string[], words: string[], hints: string[], patterns: RegExp[] = []): DomainRule => ({
  domain,
  names,
  words,
  hints,
  patterns,
});

export const DOMAIN_RULES: readonly DomainRule[] = [
  rule('programming/git', ['git', 'github', 'gitlab'], ['rebase', 'stash', 'cherry-pick', 'commit', 'commits'],
    ['merge', 'branch', 'pull', 'push', 'checkout', 'reset', 'revert'], [/\bgit\s+\w+/]),
  rule('devops/docker', ['docker', 'dockerfile', 'podman'], ['container', 'containers'], ['image', 'compose', 'volume'],
    [/^\s*FROM\s+\S+:\S+/m]),
  rule('devops/kubernetes', ['kubernetes', 'k8s', 'kubectl', 'helm'], ['pod', 'pods', 'ingress'], ['deployment', 'namespace', 'cluster']),
  rule('devops/ci', ['ci', 'jenkins'], ['pipeline', 'workflow'], ['runner', 'deploy'], [/github\s+actions/i]),
  rule('data/sql', ['sql', 'postgres', 'postgresql', 'mysql', 'sqlite'], ['database', 'query', 'transaction'],
    ['select', 'join', 'table', 'index', 'insert', 'schema'], [/\bselect\b[\s\S]+\bfrom\b/i, /\b(inner|left|right)\s+join\b/i]),
  rule('data/ml', ['pytorch', 'tensorflow', 'sklearn'], ['neural', 'regression', 'embedding', 'embeddings'], ['model', 'training', 'dataset', 'gradient']),
  rule('programming/typescript', ['typescript', 'ts', 'tsx', 'tsconfig', 'tsc'], ['keyof', 'generics'],
    ['interface', 'generic', 'union', 'narrow', 'narrowing', 'enum', 'readonly', 'typeof'],
    [/:\s*(string|number|boolean|void|unknown|never)\b/, /\binterface\s+\w+\s*\{/, /\bas\s+const\b/]),
  rule('programming/javascript', ['javascript', 'js', 'nodejs', 'npm', 'react', 'jsx', 'ecmascript'], ['webpack', 'esbuild', 'vite'],
    ['node', 'promise', 'async', 'await', 'callback', 'const', 'dom', 'json'],
    [/=>/, /\bfunction\s*\w*\s*\(/, /\bconsole\.log\(/, /\brequire\(/]),
  rule('programming/python', ['python', 'python3', 'pip', 'venv', 'django', 'flask', 'pandas', 'numpy', 'pytest'],
    ['virtualenv', 'asyncio'], ['def', 'decorator', 'comprehension', 'dict', 'tuple', 'py'],
    [/\bdef\s+\w+\s*\(/, /^\s*(from\s+\w[\w.]*\s+)?import\s+\w+/m, /\bself\.\w+/]),
  rule('programming/rust', ['rust', 'cargo', 'rustc'], ['borrow', 'borrowed', 'clippy', 'crate'], ['lifetime', 'trait', 'ownership', 'mut'],
    [/\bfn\s+\w+\s*\(/, /\blet\s+mut\b/, /&mut\b/]),
  rule('programming/go', ['golang', 'goroutine', 'goroutines'], ['gofmt'], ['channel', 'defer'], [/\bfunc\s+\w+\s*\(/, /:=/]),
  rule('programming/java', ['java', 'jvm', 'maven', 'gradle', 'kotlin'], ['classpath'], ['spring'], [/\bpublic\s+static\s+void\b/]),
  rule('programming/csharp', ['c#', 'csharp', 'dotnet', '.net'], ['linq', 'nuget'], []),
  rule('programming/cpp', ['c++', 'cpp', 'cmake'], ['segfault', 'malloc'], ['pointer', 'template'], [/#include\s*</, /std::/]),
  rule('programming/css', ['css', 'scss', 'flexbox', 'tailwind'], ['stylesheet', 'div'], ['centering', 'center', 'margin', 'padding', 'grid'],
    [/\b(display|justify-content|align-items)\s*:/]),
  rule('programming/shell', ['bash', 'shell', 'zsh', 'powershell'], ['grep', 'awk', 'chmod'], ['sed', 'pipe', 'terminal'], [/^\s*\$\s+\w+/m]),
  rule('math', ['math', 'mathematics', 'algebra', 'calculus', 'geometry', 'arithmetic'],
    ['equation', 'integral', 'derivative', 'theorem', 'fraction', 'multiply', 'divide'], ['matrix', 'prime', 'proof', 'sum', 'square', 'root', 'solve'],
    [/\d\s*[+*/^×÷]\s*\d/, /\d\s+-\s+\d/]),
  rule('science/physics', ['physics'], ['velocity', 'acceleration', 'quantum', 'gravity', 'momentum', 'relativity', 'photon'], ['force', 'energy', 'newton']),
  rule('science/chemistry', ['chemistry'], ['molecule', 'molecules', 'electron'], ['atom', 'reaction', 'acid', 'compound', 'element', 'bond']),
  rule('science/biology', ['biology'], ['dna', 'gene', 'genes', 'protein', 'organism'], ['cell', 'evolution', 'species']),
  rule('writing', ['writing'], ['essay', 'poem', 'grammar', 'paragraph', 'novel', 'proofread'], ['story', 'sentence', 'draft', 'rewrite', 'email', 'letter']),
  rule('cooking', ['cooking', 'recipe', 'recipes'], ['bake', 'baking', 'oven', 'flour', 'dough', 'pasta', 'ingredients', 'cook'],
    ['sugar', 'butter', 'sauce', 'boil', 'fry', 'bread', 'rice']),
  rule('health', ['health', 'medical'], ['symptom', 'symptoms', 'doctor', 'fever', 'headache', 'vitamin', 'workout', 'calories'],
    ['exercise', 'sleep', 'diet', 'pain', 'blood', 'cough']),
  rule('finance', ['finance', 'investing'], ['stocks', 'invest', 'budget', 'tax', 'taxes', 'loan', 'mortgage', 'retirement', 'dividend'],
    ['stock', 'interest', 'savings', 'salary']),
];

/** Fenced-block language tags mapped to domains; a tagged fence is the strongest signal there is. */
export const FENCE_LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'programming/typescript', typescript: 'programming/typescript', tsx: 'programming/typescript',
  js: 'programming/javascript', javascript: 'programming/javascript', jsx: 'programming/javascript',
  py: 'programming/python', python: 'programming/python', rust: 'programming/rust', rs: 'programming/rust',
  go: 'programming/go', java: 'programming/java', cs: 'programming/csharp', csharp: 'programming/csharp',
  cpp: 'programming/cpp', 'c++': 'programming/cpp', css: 'programming/css', scss: 'programming/css',
  sh: 'programming/shell', bash: 'programming/shell', shell: 'programming/shell', zsh: 'programming/shell',
  sql: 'data/sql', dockerfile: 'devops/docker', docker: 'devops/docker', yaml: 'devops/ci',
};
