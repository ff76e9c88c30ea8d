/**
 * The query the playground opens with (first visit; GraphiQL keeps the user's tabs afterwards):
 * a small dashboard that selects `id` on every object, as normalized client caches expect.
 */
export const DEFAULT_QUERY = `# Run: Ctrl-Enter or ▶. Token: Headers, below.
# Sidebar: docs, history, query explorer.

query Dashboard {
  workspaces {
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
