import { startStack, type Stack, idleContract } from '../support/gateway-harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const PROJECTS = '{ workspace(workspaceId: 1) { projects(first: 5) { nodes { projectId name } } } }';

describe('reuse of whole responses', () => {
  it('answers an identical request by the same caller from the response cache, with the same body', async () => {
    const first = await stack.gql(PROJECTS);
    expect(first.gatewayCache).toBeNull();
    const second = await stack.gql(PROJECTS);
    expect(second.gatewayCache).toBe('hit');
    expect(second.data).toEqual(first.data);
  });

  it('never serves one caller the response built for another', async () => {
    await stack.gql(PROJECTS, {}, 'demo-owner');
    const other = await stack.gql(PROJECTS, {}, 'demo-member');
    expect(other.gatewayCache).toBeNull();
    const ownerIds = (await stack.gql(PROJECTS, {}, 'demo-owner')).data.workspace.projects.nodes.length;
    expect(other.data.workspace.projects.nodes.length).toBeLessThan(ownerIds);
  });

  it('different variables are different responses', async () => {
    const query = 'query($id: Int!) { workspace(workspaceId: $id) { name } }';
    const one = await stack.gql(query, { id: 1 });
    const two = await stack.gql(query, { id: 2 });
    expect(one.data.workspace.name).not.toBe(two.data.workspace.name);
    expect(two.gatewayCache).toBeNull();
  });

  it('does not reuse responses with errors, nor mutations', async () => {
    // An error at execution (a bad cursor, after the workspace was read) and one before it.
    for (const failing of [
      '{ workspace(workspaceId: 1) { name members(after: "garbage") { totalCount } } }',
      '{ workspace(workspaceId: 1) { members(first: 500) { totalCount } } }',
    ]) {
      await stack.gql(failing);
      expect((await stack.gql(failing)).gatewayCache).toBeNull();
    }
    const contract = idleContract(stack.sim);
    const start = `mutation { startTracking(input: { workspaceId: 1, userId: ${contract.userId}, contractId: ${contract.id} }) { isRunning } }`;
    await stack.gql(start);
    const again = await stack.gql(start);
    expect(again.gatewayCache).toBeNull();
    expect(again.errors![0]!.extensions!.code).toBe('UPSTREAM_REJECTED');
  });

  it('drops a reused response as soon as a write invalidates what it was built from', async () => {
    const contract = idleContract(stack.sim);
    const read = `{ workspace(workspaceId: 1) { member(userId: ${contract.userId}) { tracker { isRunning } } } }`;
    await stack.gql(read);
    expect((await stack.gql(read)).gatewayCache).toBe('hit');
    await stack.gql(
      `mutation { startTracking(input: { workspaceId: 1, userId: ${contract.userId}, contractId: ${contract.id} }) { isRunning } }`,
    );
    const after = await stack.gql(read);
    expect(after.gatewayCache).toBeNull();
    expect(after.data.workspace.member.tracker.isRunning).toBe(true);
  });
});
