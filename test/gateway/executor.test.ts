import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { pino } from 'pino';
import { serialMutationsPlugin } from '../../src/server/serial-mutations.plugin.js';
import { idleContract, startStack, type Stack } from '../support/gateway-harness.js';

/** A pino logger whose lines land in `lines` (parsed), to assert what the gateway logs. */
function capturingLogger() {
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('executor: graphql-js, errors and mutations', () => {
  let stack: Stack;
  const { logger, lines } = capturingLogger();
  beforeAll(async () => {
    stack = await startStack({ logger });
  });
  afterAll(() => stack.close());

  it('an unexpected resolver error reaches the client with its path and INTERNAL_SERVER_ERROR, and is logged', async () => {
    // A well-formed cursor whose 400-digit offset no list has: not a GatewayError anywhere.
    const cursor = Buffer.from(`offset:${'9'.repeat(400)}`).toString('base64url');
    lines.length = 0;
    const result = await stack.gql(
      `{ workspace(workspaceId: 1) { name members(after: "${cursor}") { totalCount } } }`,
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['workspace', 'members'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(result.errors![0]!.message).toMatch(/It has been logged/);
    expect(JSON.stringify(result)).not.toMatch(/at \w+ \(|\.ts:\d+|stack/);
    const logged = lines.find((l) => l.msg === 'unexpected error while resolving');
    expect(logged).toMatchObject({ path: ['workspace', 'members'], err: { type: expect.any(String) } });
  });

  it('after a failed mutation the next one in the same operation is not sent upstream', async () => {
    const idle = idleContract(stack.sim); // not tracking: stopping it fails upstream
    await stack.resetUpstreamStats();
    const result = await stack.gql(`mutation {
      a: stopTracking(input: { workspaceId: 1, userId: ${idle.userId} }) { isRunning }
      b: startTracking(input: { workspaceId: 1, userId: ${idle.userId}, contractId: ${idle.id} }) { isRunning }
    }`);
    expect(result.errors![0]).toMatchObject({ path: ['a'], extensions: { code: 'UPSTREAM_REJECTED' } });
    const { byRoute } = await stack.upstreamStats();
    expect(byRoute['POST /time-tracking/stop']).toBe(1);
    expect(byRoute['POST /time-tracking/start']).toBeUndefined();
    expect(stack.sim.state.trackers.has(`1:${idle.userId}`)).toBe(false);
  });
});

describe('serial mutations when root mutation fields are nullable', () => {
  // graphql-js stops after a failed non-null root mutation field but runs on after a nullable one;
  // the gateway's plugin must stop there too. Checked on a two-field schema to pin both behaviours.
  async function run(plugins: ApolloServerPlugin[]) {
    const calls: string[] = [];
    const server = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean } type Mutation { a: String b: String }',
      resolvers: {
        Mutation: {
          a: () => {
            calls.push('a');
            throw new Error('a failed');
          },
          b: () => {
            calls.push('b');
            return 'b ran';
          },
        },
      },
      plugins,
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query: 'mutation { a b }' });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      return { calls, errors: result?.errors ?? [] };
    } finally {
      await server.stop();
    }
  }

  it('graphql-js alone runs b after a failed nullable a (why the plugin exists)', async () => {
    expect((await run([])).calls).toEqual(['a', 'b']);
  });

  it('with the plugin, b is not run and answers MUTATION_SKIPPED naming a', async () => {
    const { calls, errors } = await run([serialMutationsPlugin()]);
    expect(calls).toEqual(['a']);
    expect(errors[1]).toMatchObject({ path: ['b'], extensions: { code: 'MUTATION_SKIPPED' } });
    expect(errors[1]!.message).toMatch(/"a"/);
  });
});
