import type { Node } from 'web-tree-sitter';

/** What kind of named region a scope is; the same words for every language. */
export type ScopeKind =
  | 'namespace'
  | 'module'
  | 'class'
  | 'interface'
  | 'enum'
  | 'struct'
  | 'trait'
  | 'impl'
  | 'function'
  | 'method'
  | 'constructor';

/** A scope around a position: `name` is null for anonymous functions (callbacks, lambdas, closures). */
export interface Scope {
  kind: ScopeKind;
  name: string | null;
  /** 0-based first and last line of the scope's node. */
  startLine: number;
  endLine: number;
}

// Node types of the seven grammars that open a scope. One table serves all languages: where two grammars share a
// type name (`function_declaration` in JS and Go, `class_declaration` in TS and Java) they mean the same thing.
const SCOPE_KINDS: Readonly<Record<string, ScopeKind>> = {
  // TypeScript, TSX, JavaScript
  class_declaration: 'class', abstract_class_declaration: 'class', class: 'class',
  interface_declaration: 'interface', enum_declaration: 'enum',
  internal_module: 'namespace', module: 'module',
  function_declaration: 'function', generator_function_declaration: 'function', function_expression: 'function',
  generator_function: 'function', function: 'function', arrow_function: 'function', method_definition: 'method',
  // Python
  class_definition: 'class', function_definition: 'function', lambda: 'function',
  // Go (type_spec is a scope only for struct and interface types, see kindOf)
  method_declaration: 'method', func_literal: 'function', type_spec: 'struct',
  // Rust
  function_item: 'function', impl_item: 'impl', trait_item: 'trait', struct_item: 'struct', enum_item: 'enum',
  mod_item: 'module', closure_expression: 'function',
  // Java
  record_declaration: 'class', annotation_type_declaration: 'interface', constructor_declaration: 'constructor',
  compact_constructor_declaration: 'constructor', lambda_expression: 'function',
};

/** Whether the node type can open a scope (cheap pre-check before `scopeOf`). */
export function isScopeNodeType(type: string): boolean {
  return type in SCOPE_KINDS;
}

/** The scope a node opens, or undefined when it opens none. */
export function scopeOf(node: Node): Scope | undefined {
  const kind = kindOf(node);
  if (!kind) return undefined;
  return { kind, name: nameOf(node), startLine: node.startPosition.row, endLine: node.endPosition.row };
}

function kindOf(node: Node): ScopeKind | undefined {
  const kind = SCOPE_KINDS[node.type];
  if (node.type === 'type_spec') {
    const type = node.childForFieldName('type')?.type;
    return type === 'struct_type' ? 'struct' : type === 'interface_type' ? 'interface' : undefined;
  }
  if (kind === 'function' && isMember(node)) return 'method';
  return kind;
}

// A Python `def` directly in a class body, or a Rust `fn` in an impl or trait, is a method.
function isMember(node: Node): boolean {
  let parent = node.parent;
  if (parent?.type === 'decorated_definition') parent = parent.parent;
  const owner = parent?.parent?.type;
  if (node.type === 'function_definition') return parent?.type === 'block' && owner === 'class_definition';
  if (node.type === 'function_item') return parent?.type === 'declaration_list' && (owner === 'impl_item' || owner === 'trait_item');
  return false;
}

/** The node holding the scope's own name (declared in the surrounding scope), if it has one. */
export function scopeNameNode(node: Node): Node | null {
  if (node.type === 'impl_item') return node.childForFieldName('type');
  return node.childForFieldName('name');
}

function nameOf(node: Node): string | null {
  const own = scopeNameNode(node);
  if (own) return node.type === 'impl_item' ? own.text.replace(/<.*$/s, '') : own.text;
  return isAnonymousFunction(node.type) ? bindingName(node) : null;
}

function isAnonymousFunction(type: string): boolean {
  return SCOPE_KINDS[type] === 'function';
}

// `const f = () => …`, `{ f: function () … }`, `this.f = () => …`, `f := func() …`: the function takes the name it is
// bound to.
function bindingName(node: Node): string | null {
  const parent = node.parent;
  if (!parent) return null;
  const binder =
    parent.type === 'variable_declarator' ? parent.childForFieldName('name')
    : parent.type === 'pair' ? parent.childForFieldName('key')
    : parent.type === 'assignment_expression' || parent.type === 'assignment' ? parent.childForFieldName('left')
    : parent.type === 'public_field_definition' ? parent.childForFieldName('name')
    : null;
  if (!binder) return null;
  const text = binder.text;
  return text.length <= 80 ? text : null;
}
