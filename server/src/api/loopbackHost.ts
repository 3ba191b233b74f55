import { isIPv4, isIPv6 } from 'node:net';

/**
 * True when binding to `host` keeps the server on this machine: `localhost`, 127.0.0.0/8 or ::1. Everything else,
 * including 0.0.0.0 and ::, is reachable from outside, so the server refuses to start there without API keys.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(bare);
  return false;
}
