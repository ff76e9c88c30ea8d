/**
 * Network helpers shared by the gateway and the simulator (which imports nothing else of the
 * gateway): both validate HOST the same way.
 */
import { isIP } from 'node:net';

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/**
 * Why `raw` cannot be a listen address, or undefined when it can: an IPv4 or IPv6 address
 * (without brackets) or a hostname of valid syntax (RFC 1123 labels, at most 253 characters).
 * Whether the name resolves is only known when listening (see listen-error.ts).
 */
export function hostProblem(raw: string): string | undefined {
  if (isIP(raw) !== 0) return undefined;
  const name = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  if (name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label)))
    return undefined;
  return `must be an IP address (e.g. 0.0.0.0, 127.0.0.1, ::) or a hostname (letters, digits, '-' and '.'), got "${raw}"`;
}
