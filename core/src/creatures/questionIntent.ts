/**
 * What a question about the workspace asks for, read from its words: where something is (`where`), what it does
 * (`explain`), how to build, run or test (`build`), who changed what and when (`history`), or anything else (`search`).
 */
export type QuestionIntent = 'where' | 'explain' | 'build' | 'history' | 'search';

const HISTORY = /\b(who|when|last (changed|modified|touched|edited)|recent(ly)? changed|history|changed|modified|commits?|committed|blame|authors?)\b/i;
const WHERE = /\b(where|defined|definition|declared|located|find|usages?|used|called from|callers?)\b/i;
const EXPLAIN = /\b(what (does|do|is|are)|explain|describe|purpose|meaning of|how does)\b/i;
const BUILD_ACTION = /\b(build|compile|run|test|tests|testing|lint|install|start|bundle|package|deploy|set ?up|format|typecheck|check|verify|clean|release|serve|watch|benchmarks?|bench)\b/i;
const HOW = /\b(how|command|commands|script|scripts|steps?)\b/i;

/** The intent of a question; the first that applies of history, where, build, explain, search. */
export function questionIntent(question: string): QuestionIntent {
  if (HISTORY.test(question)) return 'history';
  if (WHERE.test(question)) return 'where';
  if (BUILD_ACTION.test(question) && HOW.test(question) && !/\bhow does\b/i.test(question)) return 'build';
  if (EXPLAIN.test(question)) return 'explain';
  return 'search';
}

/** The build words a question names (`test`, `build`, `lint`, …), normalised so `tests`/`testing` are `test`. */
export function buildActions(question: string): string[] {
  const found = new Set<string>();
  for (const match of question.matchAll(new RegExp(BUILD_ACTION.source, 'gi'))) {
    const word = match[1].toLowerCase().replace(/\s+/g, '');
    found.add(word.startsWith('test') ? 'test' : word.startsWith('bench') ? 'bench' : word);
  }
  return [...found];
}
