import { auditServer } from 'graphql-http';
import { startStack, type Stack } from '../support/gateway-harness.js';

/**
 * graphql-http's server audits (the GraphQL-over-HTTP spec's MUSTs and SHOULDs, and its MAYs as
 * notices), over HTTP against a real gateway. Requests carry the caller's bearer token, as every
 * client of this gateway does (it is also what lets a GET pass CSRF prevention).
 */
describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('passes every MUST, SHOULD and MAY: 0 errors, 0 warnings, 0 notices', async () => {
    const withToken = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', 'Bearer demo-owner');
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${stack.gateway.url}/graphql`, fetchFn: withToken });
    expect(results.length).toBeGreaterThan(40);
    const failures = results
      .filter((result) => result.status === 'error' || result.status === 'warn')
      .map((result) => `${result.status} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failures).toEqual([]);
    const notices = results.filter((result) => result.status === 'notice').map((result) => result.name);
    // The MAYs pass too (GET queries, URL-encoded variables) once the token is there.
    expect(notices).toEqual([]);
  });
});
