/** The environment variable that asks for the language server to run under the inspector (set by .vscode/launch.json). */
export const INSPECT_ENV = 'ARENALAB_SERVER_INSPECT';

/**
 * The inspector port the server should listen on, from `ARENALAB_SERVER_INSPECT`, or undefined when the variable is
 * unset or empty: a normal start never opens a debug port. A value that is not a port is refused with the value named.
 */
export function serverInspectPort(env: NodeJS.ProcessEnv): number | undefined {
  const value = env[INSPECT_ENV]?.trim();
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${INSPECT_ENV}=${value} is not a port: set it to a number from 1 to 65535 (e.g. 6009), or unset it`);
  }
  return port;
}
