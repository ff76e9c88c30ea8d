import type { Answer } from './http-client.js';

/** The README's dashboard query, with the `id` of every object selected (as the issue asks). */
export const README_DASHBOARD = `query Dashboard($ws: Int!) {
  workspace(workspaceId: $ws) {
    id
    name
    members(first: 50) {
      totalCount
      nodes {
        id
        fullName
        role
        status
        tracker { id isRunning todayMinutes startedAt contract { id project { id name } } task { id title } }
        contracts { id contractId status project { id name } }
      }
    }
    projects(first: 20) {
      nodes { id name tasks(first: 10) { totalCount nodes { id title status priority } } }
    }
  }
}`;

export const dashboardRequest = (workspaceId: number) => ({
  query: README_DASHBOARD,
  variables: { ws: workspaceId },
  operationName: 'Dashboard',
});

export type DashboardOutcome = 'complete' | 'partial' | 'failed';

/**
 * complete: HTTP 200, data, no errors. partial: data with errors and `workspace` non-null (one
 * failed upstream call nulled one field). failed: no answer, no data, or `workspace: null`.
 */
export function dashboardOutcome(answer: Answer): DashboardOutcome {
  const workspace = answer.json?.data?.workspace;
  if (answer.status !== 200 || !workspace) return 'failed';
  return answer.json?.errors?.length ? 'partial' : 'complete';
}

/** Tokens of the seed and their workspace: the ones `README.md` lists. */
export const DEMO_CALLERS = [
  { token: 'demo-owner', workspaceId: 1 },
  { token: 'demo-manager', workspaceId: 1 },
  { token: 'demo-member', workspaceId: 1 },
  { token: 'demo-owner-2', workspaceId: 2 },
] as const;
