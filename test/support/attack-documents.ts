/**
 * Documents that ask a GraphQL server for unbounded work, as plain strings, for tests and for the
 * reliability suite (RSS under attack). Each is valid against the gateway's schema apart from its
 * size, so only the limits stand between it and execution.
 */

/**
 * Selections nested `levels` deep: `{ a { a { … { b } } } }`. Past ~1,990 levels graphql-js's
 * recursive parser overflows the stack; the names need not exist, since only parsing and the
 * limits see it.
 */
export function deepNesting(levels: number): string {
  return `{ ${'a { '.repeat(levels)}b${' }'.repeat(levels)} }`;
}

/** Introspection nested `levels` deep: `{ __schema { types { ofType { ofType … { name } } } } }`. */
export function deepIntrospection(levels: number, field = 'name'): string {
  return `{ __schema { types { ${'ofType { '.repeat(levels)}${field}${' }'.repeat(levels)} } } }`;
}

/**
 * Distinct deep introspection documents (each a different text, so no cache of parsed or compiled
 * documents can share them): the `n`th selects a different leaf and alias.
 */
export function distinctDeepIntrospections(count: number, levels = 1000): string[] {
  const leaves = ['name', 'kind', 'description', 'specifiedByURL', '__typename'];
  return Array.from({ length: count }, (_, i) => {
    const leaf = `v${i}: ${leaves[i % leaves.length]}`;
    return deepIntrospection(levels, leaf);
  });
}

/** An introspection bomb of about `bytes` characters (21 kB by default: ~2,300 levels of `ofType`). */
export function introspectionBomb(bytes = 21_000): string {
  const levels = Math.floor((bytes - 40) / 11);
  return deepIntrospection(levels);
}

/** `contracts { nodes { member { contracts { member { … } } } } }`, `levels` relations deep (cyclic). */
export function cyclicContracts(levels: number, first = 100): string {
  let inner = 'contractId';
  for (let i = 0; i < levels; i++) {
    inner = i % 2 === 0 ? `member { userId contracts { ${inner} } }` : inner;
  }
  return `{ workspace(workspaceId: 1) { contracts(first: ${first}) { nodes { ${inner} } } } }`;
}

/** `count` aliases of one field: `{ a0: workspaces { name } a1: workspaces { name } … }`. */
export function aliasBomb(count: number, selection = 'workspaces { name }'): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
}

/** `count` directives, one per (repeated) field: `{ workspaces { name @include(if: true) name @include(if: true) … } }`. */
export function directiveBomb(count: number): string {
  return `{ workspaces { ${'name @include(if: true) '.repeat(count)}} }`;
}

/** A string argument of `length` characters in a filter that goes into an upstream URL. */
export function longStringArgument(length: number): { query: string; variables: Record<string, unknown> } {
  return {
    query:
      'query Long($email: String) { workspace(workspaceId: 1) { members(email: $email) { totalCount } } }',
    variables: { email: `${'x'.repeat(Math.max(0, length - 12))}@example.com` },
  };
}
