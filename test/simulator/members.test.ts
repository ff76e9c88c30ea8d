import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
  userIdOf,
} from '../support/sim-client.js';
import { userToken } from '../../src/simulator/state/demo-tokens.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const ws = { workspace_id: 1 };
const membersOf = (workspaceId = 1) => sim.state.membersOf(workspaceId);
const ids = (rows: any[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('GET /members', () => {
  it('gives Owners every member, with the Member fields and rates', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/members', { query: { ...ws, per_page: 100 } }));
    expect(body.meta.pagination.total).toBe(membersOf().length);
    expect(ids(body.data)).toEqual(
      membersOf()
        .map((m) => m.userId)
        .sort((a, b) => a - b),
    );
    const owner = sim.state.membership(1, userIdOf(sim, 'demo-owner'))!;
    const user = sim.state.users.get(owner.userId)!;
    expect(body.data.find((m: any) => m.id === owner.userId)).toEqual({
      id: owner.userId,
      email: user.email,
      firstname: user.firstname,
      lastname: user.lastname,
      avatar: user.avatar,
      current_role: 'Owner',
      timezone: user.timezone,
      status: 'active',
      team_name: owner.teamName,
      title: owner.title,
      rate: owner.rate,
      currency: owner.currency,
      rate_type: owner.rateType,
      rate_status: owner.rateStatus,
      weekly_hours_limit: owner.weeklyHoursLimit,
      screenshots: owner.screenshots,
      created_at: owner.createdAt,
      updated_at: owner.updatedAt,
    });
  });

  it('paginates with meta.pagination', async () => {
    const body = expectSuccess(
      await call(sim, 'GET', '/members', { query: { ...ws, per_page: 5, page: 2 } }),
    );
    expect(body.data).toHaveLength(5);
    expect(body.meta.pagination).toMatchObject({ per_page: 5, current_page: 2, from: 6, to: 10 });
  });

  it('shows a Regular User only himself, rates only if his rate_status allows', async () => {
    const me = sim.state.membership(1, userIdOf(sim, 'demo-member'))!;
    const body = expectSuccess(await call(sim, 'GET', '/members', { token: 'demo-member', query: ws }));
    expect(ids(body.data)).toEqual([me.userId]);
    expect('rate' in body.data[0]).toBe(me.rateStatus === 1);
  });

  it('hides rates from callers with rate_status 0', async () => {
    const hidden = membersOf().find(
      (m) => m.role === 'Regular User' && m.status === 'active' && m.rateStatus === 0,
    )!;
    const body = expectSuccess(
      await call(sim, 'GET', '/members', { token: userToken(hidden.userId), query: ws }),
    );
    expect(body.data[0]).not.toHaveProperty('rate');
    expect(body.data[0]).not.toHaveProperty('currency');
  });

  it('shows a Team manager his team (same team_name) and himself', async () => {
    const tm = membersOf().find((m) => m.role === 'Team manager' && m.status === 'active' && m.teamName)!;
    const expected = membersOf()
      .filter((m) => m.userId === tm.userId || m.teamName === tm.teamName)
      .map((m) => m.userId)
      .sort((a, b) => a - b);
    const body = expectSuccess(
      await call(sim, 'GET', '/members', { token: userToken(tm.userId), query: { ...ws, per_page: 100 } }),
    );
    expect(ids(body.data)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
  });

  it('shows a Project manager the members of his projects and himself', async () => {
    const pm = membersOf().find(
      (m) =>
        m.role === 'Project manager' &&
        m.status === 'active' &&
        sim.state.contractsOf(1).some((c) => c.userId === m.userId),
    )!;
    const contracts = sim.state.contractsOf(1);
    const projects = new Set(contracts.filter((c) => c.userId === pm.userId).map((c) => c.projectId));
    const expected = [
      ...new Set([pm.userId, ...contracts.filter((c) => projects.has(c.projectId)).map((c) => c.userId)]),
    ].sort((a, b) => a - b);
    const body = expectSuccess(
      await call(sim, 'GET', '/members', { token: userToken(pm.userId), query: { ...ws, per_page: 100 } }),
    );
    expect(ids(body.data)).toEqual(expected);
  });

  it('filters by status, role and exact email', async () => {
    const left = expectSuccess(await call(sim, 'GET', '/members', { query: { ...ws, status: 'left' } }));
    expect(left.data.length).toBe(membersOf().filter((m) => m.status === 'left').length);
    expect(left.data.every((m: any) => m.status === 'left')).toBe(true);
    const pms = expectSuccess(
      await call(sim, 'GET', '/members', { query: { ...ws, role: 'Project manager' } }),
    );
    expect(pms.data.length).toBe(membersOf().filter((m) => m.role === 'Project manager').length);
    const someone = sim.state.users.get(userIdOf(sim, 'demo-manager'))!;
    const byEmail = expectSuccess(
      await call(sim, 'GET', '/members', { query: { ...ws, email: someone.email.toUpperCase() } }),
    );
    expect(ids(byEmail.data)).toEqual([someone.id]);
  });

  it('400 without workspace_id, 403 outside the workspace, 422 on a bad filter', async () => {
    expectFailure(await call(sim, 'GET', '/members'), 400, /workspace_id is required/);
    expectFailure(await call(sim, 'GET', '/members', { token: 'demo-owner-2', query: ws }), 403, /workspace/);
    expectFailure(
      await call(sim, 'GET', '/members', { query: { ...ws, status: 'gone' } }),
      422,
      /status must be one of/,
    );
    expectFailure(await call(sim, 'GET', '/members', { query: { ...ws, role: 'Boss' } }), 422, /role/);
    expectFailure(await call(sim, 'GET', '/members', { query: { ...ws, email: 'nope' } }), 422, /email/);
  });
});

describe('GET /members/{memberId}', () => {
  it('returns one member with the documented message', async () => {
    const manager = userIdOf(sim, 'demo-manager');
    const body = expectSuccess(await call(sim, 'GET', `/members/${manager}`, { query: ws }));
    expect(body.message).toBe('Member retrieved successfully');
    expect(body.data).toMatchObject({ id: manager, current_role: 'Executive manager', status: 'active' });
  });

  it('lets a Regular User read himself but not others (403)', async () => {
    const me = userIdOf(sim, 'demo-member');
    expectSuccess(await call(sim, 'GET', `/members/${me}`, { token: 'demo-member', query: ws }));
    expectFailure(
      await call(sim, 'GET', `/members/${userIdOf(sim, 'demo-owner')}`, { token: 'demo-member', query: ws }),
      403,
      /Regular User/,
    );
  });

  it('404 for an unknown id and for a member of another workspace only', async () => {
    expectFailure(await call(sim, 'GET', '/members/999999', { query: ws }), 404, /No member with id 999999/);
    const onlyIn2 = membersOf(2).find((m) => !sim.state.membership(1, m.userId))!;
    expectFailure(await call(sim, 'GET', `/members/${onlyIn2.userId}`, { query: ws }), 404);
    expectFailure(await call(sim, 'GET', '/members/abc', { query: ws }), 422, /memberId/);
  });
});

describe('POST /members', () => {
  it('invites a new person (workspace_id in the query, doc set A): inactive until accepted', async () => {
    const res = await call(sim, 'POST', '/members', {
      query: ws,
      body: {
        email: 'new.person@example.com',
        firstname: 'New',
        lastname: 'Person',
        role: 'Project manager',
      },
    });
    const body = expectSuccess(res, 200);
    expect(body.message).toBe('Member invited successfully');
    expect(body.data).toEqual({
      user_id: expect.any(Number),
      invitation_link: expect.stringMatching(
        /^https:\/\/app\.webwork-tracker\.com\/dashboard\/accept-invitation\/\w+$/,
      ),
    });
    const got = expectSuccess(await call(sim, 'GET', `/members/${body.data.user_id}`, { query: ws }));
    expect(got.data).toMatchObject({
      email: 'new.person@example.com',
      firstname: 'New',
      lastname: 'Person',
      current_role: 'Project manager',
      status: 'inactive',
    });
  });

  it('accepts workspace_id in the body (doc set B) and reuses a user of another workspace', async () => {
    const outsider = sim.state.users.get(userIdOf(sim, 'demo-owner-2'))!;
    const body = expectSuccess(
      await call(sim, 'POST', '/members', {
        token: 'demo-manager',
        body: { ...ws, email: outsider.email, firstname: 'X', lastname: 'Y', role: 'Regular User' },
      }),
    );
    expect(body.data.user_id).toBe(outsider.id);
    expect(sim.state.membership(1, outsider.id)).toMatchObject({ role: 'Regular User', status: 'inactive' });
  });

  it('422 when the email already belongs to a member', async () => {
    const email = sim.state.users.get(userIdOf(sim, 'demo-member'))!.email;
    expectFailure(
      await call(sim, 'POST', '/members', {
        query: ws,
        body: { email, firstname: 'A', lastname: 'B', role: 'Regular User' },
      }),
      422,
      /already belongs to a member/,
    );
  });

  it('400 on missing fields, 422 on bad values, 403 for non-admins', async () => {
    const valid = { email: 'z@example.com', firstname: 'Z', lastname: 'Z', role: 'Regular User' };
    expectFailure(
      await call(sim, 'POST', '/members', { query: ws, body: { ...valid, email: undefined } }),
      400,
      /email is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/members', { query: ws, body: { ...valid, lastname: '' } }),
      400,
      /lastname/,
    );
    expectFailure(
      await call(sim, 'POST', '/members', { query: ws, body: { ...valid, role: 'Owner' } }),
      422,
      /role must be one of/,
    );
    expectFailure(
      await call(sim, 'POST', '/members', { query: ws, body: { ...valid, email: 'x@' } }),
      422,
      /email/,
    );
    expectFailure(
      await call(sim, 'POST', '/members', { token: 'demo-member', query: ws, body: valid }),
      403,
      /Owners and Executive Managers/,
    );
    expectFailure(await call(sim, 'POST', '/members', { body: valid }), 400, /workspace_id/);
  });
});

describe('PUT /members/{memberId}', () => {
  it('updates profile and membership fields, visible to later reads', async () => {
    const target = membersOf().find(
      (m) => m.role === 'Regular User' && m.status === 'active' && m.userId !== userIdOf(sim, 'demo-member'),
    )!;
    const res = await call(sim, 'PUT', `/members/${target.userId}`, {
      query: ws,
      body: {
        firstname: 'Renamed',
        timezone: 'Europe/Paris',
        role: 'Team manager',
        rate_status: 1,
        weekly_hours_limit: 30,
        remove_avatar: 1,
      },
    });
    const body = expectSuccess(res);
    expect(body.message).toBe('Member updated successfully');
    const expected = {
      id: target.userId,
      firstname: 'Renamed',
      timezone: 'Europe/Paris',
      current_role: 'Team manager',
      rate_status: 1,
      weekly_hours_limit: 30,
      avatar: null,
    };
    expect(body.data).toMatchObject(expected);
    const got = expectSuccess(await call(sim, 'GET', `/members/${target.userId}`, { query: ws }));
    expect(got.data).toMatchObject(expected);
  });

  it('rejects bad input: 400 nothing to update, 422 bad values, 400 Owner role change', async () => {
    const id = userIdOf(sim, 'demo-member');
    expectFailure(
      await call(sim, 'PUT', `/members/${id}`, { query: ws, body: { first_name: 'x' } }),
      400,
      /Nothing to update/,
    );
    expectFailure(
      await call(sim, 'PUT', `/members/${id}`, { query: ws, body: { timezone: 'Mars/Base' } }),
      422,
      /timezone/,
    );
    expectFailure(
      await call(sim, 'PUT', `/members/${id}`, { query: ws, body: { rate_status: 2 } }),
      422,
      /rate_status/,
    );
    expectFailure(
      await call(sim, 'PUT', `/members/${id}`, { query: ws, body: { weekly_hours_limit: -1 } }),
      422,
      /weekly_hours_limit/,
    );
    const otherEmail = sim.state.users.get(userIdOf(sim, 'demo-manager'))!.email;
    expectFailure(
      await call(sim, 'PUT', `/members/${id}`, { query: ws, body: { email: otherEmail } }),
      422,
      /already used/,
    );
    const owner = userIdOf(sim, 'demo-owner');
    expectFailure(
      await call(sim, 'PUT', `/members/${owner}`, {
        token: 'demo-manager',
        query: ws,
        body: { role: 'Regular User' },
      }),
      400,
      /Owner/,
    );
  });

  it('403 for non-admins, 404 for unknown members', async () => {
    const id = userIdOf(sim, 'demo-member');
    expectFailure(
      await call(sim, 'PUT', `/members/${id}`, { token: 'demo-member', query: ws, body: { firstname: 'x' } }),
      403,
    );
    expectFailure(await call(sim, 'PUT', '/members/999999', { body: { ...ws, firstname: 'x' } }), 404);
  });
});

describe('DELETE /members/{memberId}', () => {
  it('archives (status left); the archived member loses access; archiving again is 400', async () => {
    const target = membersOf().find(
      (m) => m.role === 'Regular User' && m.status === 'active' && m.userId !== userIdOf(sim, 'demo-member'),
    )!;
    expectSuccess(await call(sim, 'GET', '/members', { token: userToken(target.userId), query: ws }));
    const body = expectSuccess(await call(sim, 'DELETE', `/members/${target.userId}`, { query: ws }));
    expect(body).toMatchObject({ data: null, message: 'Member archived successfully' });
    const got = expectSuccess(await call(sim, 'GET', `/members/${target.userId}`, { query: ws }));
    expect(got.data.status).toBe('left');
    expectFailure(await call(sim, 'GET', '/members', { token: userToken(target.userId), query: ws }), 403);
    expectFailure(
      await call(sim, 'DELETE', `/members/${target.userId}`, { query: ws }),
      400,
      /already archived/,
    );
  });

  it('refuses to archive the Owner or oneself (400), non-admins (403), unknown ids (404)', async () => {
    expectFailure(
      await call(sim, 'DELETE', `/members/${userIdOf(sim, 'demo-owner')}`, {
        token: 'demo-manager',
        query: ws,
      }),
      400,
      /Owner/,
    );
    expectFailure(
      await call(sim, 'DELETE', `/members/${userIdOf(sim, 'demo-manager')}`, {
        token: 'demo-manager',
        query: ws,
      }),
      400,
      /yourself/,
    );
    expectFailure(
      await call(sim, 'DELETE', `/members/${userIdOf(sim, 'demo-owner')}`, {
        token: 'demo-member',
        query: ws,
      }),
      403,
    );
    expectFailure(await call(sim, 'DELETE', '/members/999999', { query: ws }), 404);
  });
});
