/**
 * Custom `arenalab/*` LSP messages, declared once and shared by client and server.
 * The editor issue adds the messages themselves; until then only the prefix is fixed.
 */
export const ARENALAB_METHOD_PREFIX = 'arenalab/';
