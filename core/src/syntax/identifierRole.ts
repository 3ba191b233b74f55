/**
 * How an identifier occurs: brought in by an import, bound as a parameter, declared (variable, function, class,
 * field…), read or called (`use`), or accessed as a member of something else (`obj.member`).
 */
export type IdentifierRole = 'import' | 'parameter' | 'declaration' | 'use' | 'member';

/** One step of the path from the root to an identifier: the node's type and the field it sits in under its parent. */
export interface PathStep {
  type: string;
  field: string | null;
  /** Set on import nodes that can rename (`x as y`): whether this one has an alias. */
  hasAlias?: boolean;
}

// Node types that are identifiers, across the seven grammars.
export const IDENTIFIER_TYPES: ReadonlySet<string> = new Set([
  'identifier', 'type_identifier', 'property_identifier', 'field_identifier', 'shorthand_property_identifier',
  'shorthand_property_identifier_pattern', 'package_identifier', 'private_property_identifier',
]);

const MEMBER_TYPES = new Set(['property_identifier', 'field_identifier', 'private_property_identifier']);
const IMPORT_TYPES = new Set([
  'import_statement', 'import_from_statement', 'future_import_statement', 'import_declaration', 'use_declaration',
  'import_spec',
]);
const PARAMETER_LISTS = new Set([
  'formal_parameters', 'parameters', 'parameter_list', 'lambda_parameters', 'closure_parameters', 'inferred_parameters',
]);
// Fields whose contents are not the bound name: a parameter's type or default, an import's source module or the
// path of `a::b::c`, the original name in `x as y`.
const UNBOUND_FIELDS = new Set(['type', 'value', 'default_value', 'return_type', 'module_name', 'path', 'scope', 'source']);
// Parents whose `name` field declares something. A whitelist: many grammars also use `name` at use sites
// (Java method calls, Rust struct literals, JSX tags, Python keyword arguments).
const DECLARING_PARENTS = new Set([
  'variable_declarator', 'var_spec', 'const_spec', 'type_spec', 'type_alias_declaration', 'field_declaration',
  'public_field_definition', 'property_signature', 'method_signature', 'abstract_method_signature', 'function_signature',
  'enum_variant', 'enum_constant', 'const_item', 'static_item', 'type_item', 'function_signature_item',
  'enhanced_for_statement', 'catch_formal_parameter', 'resource', 'type_parameter', 'constant_declarator',
  'class_declaration', 'abstract_class_declaration', 'class', 'interface_declaration', 'enum_declaration',
  'internal_module', 'function_declaration', 'generator_function_declaration', 'function_expression',
  'generator_function', 'method_definition', 'class_definition', 'function_definition', 'method_declaration',
  'function_item', 'trait_item', 'struct_item', 'enum_item', 'mod_item', 'record_declaration',
  'annotation_type_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'default_parameter',
  'typed_default_parameter', 'formal_parameter', 'parameter_declaration', 'spread_parameter',
]);
// Statements whose `left` side binds names (Python assignment and loops, Go `:=` and range, JS for-in/of).
const DECLARING_LEFT = new Set(['assignment', 'for_statement', 'for_in_clause', 'for_in_statement', 'short_var_declaration', 'range_clause']);
const DECLARING_PATTERN = new Set(['let_declaration', 'for_expression', 'let_condition']);
const ALIASING = new Set(['aliased_import', 'import_specifier', 'use_as_clause']);

/** Import nodes that may carry an `alias` field; the walker records `hasAlias` for them. */
export function canAlias(type: string): boolean {
  return ALIASING.has(type);
}

/**
 * The role of the identifier at the end of `path` (root first), or undefined when it binds nothing and is not a use
 * either (the module path of an import). Decided from node types and fields only, so it needs no per-language query
 * files; the tables above hold every grammar-specific name.
 */
export function identifierRole(path: readonly PathStep[]): IdentifierRole | undefined {
  const container = nearestContainer(path);
  if (container && IMPORT_TYPES.has(path[container].type)) return importRole(path, container);
  if (container && PARAMETER_LISTS.has(path[container].type) && !hasUnboundField(path, container)) return 'parameter';
  const self = path[path.length - 1];
  if (self.field === 'parameter' || self.field === 'parameters') return 'parameter';
  if (declares(path)) return 'declaration';
  return MEMBER_TYPES.has(self.type) || self.field === 'attribute' || self.field === 'field' ? 'member' : 'use';
}

/** Index of the nearest enclosing import or parameter list within a few levels, or undefined. */
function nearestContainer(path: readonly PathStep[]): number | undefined {
  for (let at = path.length - 2; at >= 0 && at >= path.length - 8; at--) {
    const type = path[at].type;
    if (IMPORT_TYPES.has(type) || PARAMETER_LISTS.has(type)) return at;
  }
  return undefined;
}

function hasUnboundField(path: readonly PathStep[], from: number): boolean {
  for (let at = from + 1; at < path.length; at++) {
    if (path[at].field && UNBOUND_FIELDS.has(path[at].field as string)) return true;
  }
  return false;
}

function importRole(path: readonly PathStep[], from: number): IdentifierRole | undefined {
  if (hasUnboundField(path, from)) return undefined;
  for (let at = from + 1; at < path.length - 1; at++) {
    // In `x as y` only y is bound; the step below an aliasing node tells which side we are on.
    if (path[at].hasAlias && path[at + 1].field !== 'alias') return undefined;
  }
  return 'import';
}

function declares(path: readonly PathStep[]): boolean {
  const self = path[path.length - 1];
  if (self.type === 'shorthand_property_identifier_pattern') return true;
  // Climb through destructuring patterns (`const [a, b] = …`, `a, b := …`) to the node that sits in a field.
  let top = path.length - 1;
  while (top > 1 && isPattern(path[top - 1].type)) top--;
  const field = path[top].field;
  const parent = path[top - 1]?.type;
  if (!parent) return false;
  if (field === 'name' || field === 'alias') return DECLARING_PARENTS.has(parent);
  if (field === 'left') return DECLARING_LEFT.has(parent);
  if (field === 'pattern') return DECLARING_PATTERN.has(parent);
  return false;
}

function isPattern(type: string): boolean {
  return type.endsWith('_pattern') || type === 'pattern_list' || type === 'expression_list' || type === 'tuple';
}
