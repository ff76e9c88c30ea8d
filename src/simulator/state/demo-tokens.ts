/**
 * The fixed demo Personal Access Tokens (printed at start, documented in the README). Every other
 * seeded user also gets a token `demo-user-<userId>`, so tests can act in any role.
 */
export const DEMO_TOKENS = {
  /** Owner of workspace 1 (and a Regular User of workspace 2). */
  owner: 'demo-owner',
  /** An Executive manager of workspace 1. */
  manager: 'demo-manager',
  /** A Regular User of workspace 1. */
  member: 'demo-member',
  /** Owner of workspace 2; not a member of workspace 1. */
  owner2: 'demo-owner-2',
} as const;

export const userToken = (userId: number) => `demo-user-${userId}`;
