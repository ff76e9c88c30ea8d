/** What the gateway tells the playground page (a JSON script element rendered by landing-page.ts, read by client/main.tsx). */
export interface PlaygroundConfig {
  /** Where GraphQL requests go (same origin). */
  endpoint: string;
  /** The header editor's initial text (JSON), e.g. the demo token; empty when the gateway has none to offer. */
  headers: string;
  /** The query editor's initial text. */
  query: string;
  /** URLs of Monaco's web workers by label. */
  workers: { editor: string; json: string; graphql: string };
}
