/**
 * The query the playground opens with (first visit; GraphiQL keeps the user's tabs afterwards):
 * a small dashboard that selects `id` on every object, as normalized client caches expect.
 */
export const DEFAULT_QUERY = `# Run: Ctrl-Enter or ▶. Token: Headers, below.
# Sidebar: docs, history, query explorer.
# $workspaceId: 1 in the demo; \`workspaces\` lists every workspace of your token.
# tracker: WebWork lets only Owners and Executive Managers read trackers; for
# other roles it is null with FORBIDDEN on its path, and the rest of the answer stays.

query Dashboard($workspaceId: Int! = 1) {
  workspace(workspaceId: $workspaceId) {
    id
    name
    members(first: 10) {
      totalCount
      nodes {
        id
        fullName
        role
        tracker {
          id
          isRunning
          todayMinutes
        }
      }
    }
    projects(first: 5) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
}
`;
