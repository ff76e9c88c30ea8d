import { GatewayError } from '../../src/errors/gateway-error.js';
import { contractById, createContract } from '../../src/catalogue/contracts.operations.js';
import { memberById, updateMember } from '../../src/catalogue/members.operations.js';
import { fillPath } from '../../src/catalogue/operation.js';
import { byIdRead, objectPath, toldCreated } from '../../src/catalogue/workspace-objects.js';

describe('the descriptor parts workspace objects share', () => {
  it('a by-id read puts the id in its path and its cache key, the workspace in its query', () => {
    const args = { workspaceId: 3, id: 42 };
    expect(fillPath(memberById.path, memberById.pathParams!(args))).toBe('/members/42');
    expect(memberById.query!(args)).toEqual({ workspace_id: 3 });
    expect(memberById.key!(args)).toEqual({ workspace_id: 3, user_id: 42 });
    expect(contractById.key!(args)).toEqual({ workspace_id: 3, contract_id: 42 });
    expect(contractById.cache).toBe('lists');
  });

  it('a write on one object goes to its path with ?workspace_id=', () => {
    const args = { workspaceId: 3, userId: 7 };
    expect(fillPath(updateMember.path, updateMember.pathParams!(args))).toBe('/members/7');
    expect(updateMember.query!(args)).toEqual({ workspace_id: 3 });
    expect(
      objectPath('/x/{xId}/restore', (a: { workspaceId: number; x: string }) => a.x).pathParams({
        workspaceId: 1,
        x: 'ab',
      }),
    ).toEqual({ xId: 'ab' });
  });

  it('a path must name exactly one object', () => {
    const spec = { name: 'x', keyParam: 'x_id', tags: () => [], map: (w: unknown) => w };
    expect(() => byIdRead({ ...spec, path: '/x' })).toThrow(/expected one \{placeholder\}, found 0/);
    expect(() => objectPath('/x/{a}/{b}', () => 1)).toThrow(/found 2/);
  });

  it('a create that does not tell the new id is UPSTREAM_UNAVAILABLE, saying what to read first', () => {
    const args = { workspaceId: 1, projectId: 2, userId: 3 };
    let error: unknown;
    try {
      createContract.told(args, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as GatewayError).message).toBe(
      'WebWork created the contract but did not tell its id; read the contracts before creating it again.',
    );
    const told = toldCreated('thing', 'things', (w: { id: number }, a: { workspaceId: number }) => ({
      ...a,
      thingId: w.id,
    }));
    expect(told({ workspaceId: 5 }, { id: 9 })).toEqual({ workspaceId: 5, thingId: 9 });
  });
});
