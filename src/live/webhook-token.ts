import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The gateway keeps only a digest of each webhook token WebWork issued (REFERENCE §9.15: "Secret
 * token for verifying deliveries"), so Redis never holds the secret itself.
 */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `presented` is one of the tokens behind `digests`, in time independent of where they
 * differ: both sides are SHA-256 digests (equal lengths, as `timingSafeEqual` needs), and every
 * digest is compared, so the answer's timing does not tell which one (or how much) matched.
 */
export function tokenMatches(presented: string, digests: readonly string[]): boolean {
  const candidate = Buffer.from(tokenDigest(presented), 'hex');
  let matched = false;
  for (const digest of digests) {
    const known = Buffer.from(digest, 'hex');
    if (known.length === candidate.length && timingSafeEqual(known, candidate)) matched = true;
  }
  return matched;
}
