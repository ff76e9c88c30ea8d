import { createHash } from 'node:crypto';

/** The bench's one operation: what a team dashboard asks for on load. */
export const DASHBOARD_QUERY = `query Dashboard($ws: Int!) {
  workspace(workspaceId: $ws) {
    id name
    members(first: 50) { totalCount nodes { id userId fullName role status
      tracker { isRunning todaySeconds contract { contractId } }
      contracts { id contractId status project { id projectId name } } } }
    projects(first: 20) { totalCount nodes { id projectId name tasks(first: 10) { totalCount nodes { id taskId title status } } } }
  }
}`;

export const BENCH_WORKSPACE_ID = 1;
export const DASHBOARD_TOKEN = 'demo-owner';
export const DASHBOARD_BODY = JSON.stringify({
  operationName: 'Dashboard',
  query: DASHBOARD_QUERY,
  variables: { ws: BENCH_WORKSPACE_ID },
});
export const DASHBOARD_HEADERS = {
  'content-type': 'application/json',
  authorization: `Bearer ${DASHBOARD_TOKEN}`,
};

/** Sends the dashboard query once; returns status and raw body. */
export async function queryOnce(baseUrl: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: DASHBOARD_HEADERS,
    body: DASHBOARD_BODY,
  });
  return { status: response.status, body: await response.text() };
}

/**
 * The one time-varying field of the answer: `todaySeconds` grows every second while a tracker runs
 * (and a cached answer freezes it). It is replaced by a marker when it is a non-negative integer, and
 * left as is (so it mismatches) otherwise. Everything else must be equal, byte for byte after
 * re-serialising, including `errors` (an answer with errors never matches one without).
 */
export function normalise(body: string): string {
  return JSON.stringify(JSON.parse(body), (key, value: unknown) =>
    key === 'todaySeconds' && Number.isInteger(value) && (value as number) >= 0 ? '<seconds>' : value,
  );
}

export interface Verifier {
  /** True when `body` equals the expected answer after `normalise`. */
  check(body: string): boolean;
  readonly checked: number;
  readonly mismatches: number;
  /** The first mismatching body, for the report. */
  readonly firstMismatch: string | undefined;
}

/**
 * Checks every response. Bodies seen before are recognised by their SHA-1, so identical answers
 * (the ceiling's and the warm cache's, which freeze `todaySeconds`) cost one hash each; new bodies
 * (a tracker's seconds moved on) are parsed and normalised.
 */
export function createVerifier(expectedNormalised: string): Verifier {
  const verdicts = new Map<string, boolean>();
  let checked = 0;
  let mismatches = 0;
  let firstMismatch: string | undefined;
  return {
    check(body: string): boolean {
      checked += 1;
      const hash = createHash('sha1').update(body).digest('base64');
      let ok = verdicts.get(hash);
      if (ok === undefined) {
        try {
          ok = normalise(body) === expectedNormalised;
        } catch {
          ok = false;
        }
        if (verdicts.size > 10_000) verdicts.clear();
        verdicts.set(hash, ok);
      }
      if (!ok) {
        mismatches += 1;
        firstMismatch ??= body;
      }
      return ok;
    },
    get checked() {
      return checked;
    },
    get mismatches() {
      return mismatches;
    },
    get firstMismatch() {
      return firstMismatch;
    },
  };
}

/** The first path where two JSON values differ, for a readable mismatch report. */
export function firstDifference(expected: unknown, actual: unknown, path = '$'): string | undefined {
  if (expected === actual) return undefined;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null) {
    return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const diff = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      Array.isArray(expected) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (diff) return diff;
  }
  return undefined;
}
