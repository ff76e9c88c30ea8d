import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';

/**
 * Writes under both profiles: what `POST /time-entries`, `POST /time-requests` and the actions
 * (approve, reject, submit, unsubmit, archive, restore, assign) answer.
 */

let lenient: SimulatorHandle;
let exact: SimulatorHandle;
beforeAll(async () => {
  [lenient, exact] = await Promise.all([
    startTestSimulator({ profile: 'lenient' }),
    startTestSimulator({ profile: 'docs-exact' }),
  ]);
});
afterAll(async () => {
  await Promise.all([lenient.close(), exact.close()]);
});

const ws = { workspace_id: 1 };
const BOTH: Array<[string, () => SimulatorHandle]> = [
  ['lenient', () => lenient],
  ['docs-exact', () => exact],
];

/** An active member of workspace 1 with an active contract (same seed in both simulators). */
function worker(sim: SimulatorHandle) {
  const contract = sim.state
    .contractsOf(1)
    .find((c) => c.status === 'active' && sim.state.membership(1, c.userId)?.status === 'active')!;
  return { userId: contract.userId, contractId: contract.id };
}

describe('POST /time-entries', () => {
  const create = (sim: SimulatorHandle, body: Record<string, unknown>) => {
    const { userId, contractId } = worker(sim);
    return call(sim, 'POST', '/time-entries', {
      body: { ...ws, user_id: userId, contract_id: contractId, date: '2030-05-06', ...body },
    });
  };

  it('lenient returns the new entry with its id', async () => {
    const body = expectSuccess(await create(lenient, { start_time: '06:00', end_time: '07:00' }), 201);
    expect(body.saved_minutes).toBe(60);
    expect(lenient.state.timeEntries.get(body.data.id)).toMatchObject({ method: 'Manually added time' });
  });

  it('docs-exact returns no id (REFERENCE §10.12), the rest of the entry and saved_minutes', async () => {
    const body = expectSuccess(await create(exact, { start_time: '06:00', end_time: '07:00' }), 201);
    expect(body.saved_minutes).toBe(60);
    expect(body.data).not.toHaveProperty('id');
    expect(body.data).toMatchObject({
      user_id: worker(exact).userId,
      contract_id: worker(exact).contractId,
      method: 'Manually added time',
      duration_minutes: 60,
    });
  });

  it.each(BOTH)('%s: end before start is a 422 and saves nothing', async (_name, sim) => {
    const before = sim().state.timeEntries.size;
    expectFailure(await create(sim(), { start_time: '08:00', end_time: '07:00' }), 422, /end_time/);
    expect(sim().state.timeEntries.size).toBe(before);
  });
});

describe('POST /time-requests', () => {
  const create = (sim: SimulatorHandle, body: Record<string, unknown>) =>
    call(sim, 'POST', '/time-requests', {
      body: {
        ...ws,
        user_id: worker(sim).userId,
        start: '2030-06-03T09:00:00Z',
        end: '2030-06-03T10:00:00Z',
        ...body,
      },
    });

  it('lenient (union, doc set B response): notes or activity_description, the full object back', async () => {
    const withNotes = expectSuccess(await create(lenient, { notes: 'From notes' }), 201).data;
    expect(withNotes).toMatchObject({
      user_id: worker(lenient).userId,
      status: 'pending',
      notes: 'From notes',
    });
    const withA = expectSuccess(await create(lenient, { activity_description: 'From A' }), 201).data;
    expect(withA.notes).toBe('From A');
  });

  it('docs-exact (doc set A): {id, status} back; the text comes from activity_description only', async () => {
    const body = expectSuccess(await create(exact, { activity_description: 'From A' }), 201);
    expect(body.data).toEqual({ id: expect.any(String), status: 'pending' });
    const stored = expectSuccess(
      await call(exact, 'GET', `/time-requests/${body.data.id}`, { query: ws }),
    ).data;
    expect(stored).toMatchObject({ notes: 'From A', contract_id: null });
    const ignored = expectSuccess(await create(exact, { notes: 'From notes' }), 201).data;
    expect(exact.state.timeRequests.get(ignored.id)!.notes).toBeNull();
  });

  it.each(BOTH)('%s: a missing end is a 400', async (_name, sim) => {
    expectFailure(
      await call(sim(), 'POST', '/time-requests', {
        body: { ...ws, user_id: worker(sim()).userId, start: '2030-06-03T09:00:00Z' },
      }),
      400,
      /^end is required$/,
    );
  });
});

describe('actions answer the changed object (lenient) or data null (docs-exact)', () => {
  /** Each action once, on a fresh record of the simulator; returns the response body. */
  const actions: Array<[string, (sim: SimulatorHandle) => Promise<any>]> = [
    [
      'timesheet submit, unsubmit, submit, approve',
      async (sim) => {
        const sheet = [...sim.state.timesheets.values()].find(
          (t) => t.workspaceId === 1 && t.status === 'pending',
        )!;
        const put = (action: string) => call(sim, 'PUT', `/timesheets/${sheet.id}/${action}`, { body: ws });
        const bodies = [];
        for (const action of ['submit', 'unsubmit', 'submit', 'approve'])
          bodies.push(expectSuccess(await put(action)));
        expect(sheet.status).toBe('approved');
        return bodies;
      },
    ],
    [
      'timesheet reject',
      async (sim) => {
        const sheet = [...sim.state.timesheets.values()].find(
          (t) => t.workspaceId === 1 && t.status === 'submitted',
        )!;
        const body = expectSuccess(
          await call(sim, 'PUT', `/timesheets/${sheet.id}/reject`, { body: { ...ws, reason: 'Too high' } }),
        );
        expect(sheet.status).toBe('rejected');
        return [body];
      },
    ],
    [
      'time request approve and reject',
      async (sim) => {
        const [a, b] = [...sim.state.timeRequests.values()].filter(
          (r) => r.workspaceId === 1 && r.status === 'pending',
        );
        const approved = expectSuccess(
          await call(sim, 'POST', `/time-requests/${a!.id}/approve`, { body: ws }),
        );
        const rejected = expectSuccess(
          await call(sim, 'POST', `/time-requests/${b!.id}/reject`, { body: { ...ws, comment: 'No' } }),
        );
        expect([a!.status, b!.status]).toEqual(['approved', 'rejected']);
        return [approved, rejected];
      },
    ],
    [
      'leave approve and reject',
      async (sim) => {
        const [a, b] = [...sim.state.leaves.values()].filter(
          (l) => l.workspaceId === 1 && l.status === 'pending',
        );
        const approved = expectSuccess(await call(sim, 'PUT', `/leaves/${a!.id}/approve`, { body: ws }));
        const rejected = expectSuccess(
          await call(sim, 'PUT', `/leaves/${b!.id}/reject`, { body: { ...ws, reason: 'Busy' } }),
        );
        expect([a!.status, b!.status]).toEqual(['approved', 'rejected']);
        return [approved, rejected];
      },
    ],
    [
      'viewer archive, restore, assign-project, unassign-project',
      async (sim) => {
        const viewer = sim.state
          .membersOf(1)
          .find((m) => m.role === 'Project viewer' && m.status === 'active')!;
        const access = sim.state.viewers.get(`1:${viewer.userId}`)!;
        const projectId = sim.state.projectsOf(1).find((p) => !access.projectIds.includes(p.id))!.id;
        const path = `/project-viewers/${viewer.userId}`;
        const bodies = [
          expectSuccess(await call(sim, 'DELETE', path, { body: ws })),
          expectSuccess(await call(sim, 'POST', `${path}/restore`, { body: ws })),
          expectSuccess(
            await call(sim, 'POST', `${path}/assign-project`, { body: { ...ws, project_id: projectId } }),
          ),
          expectSuccess(
            await call(sim, 'DELETE', `${path}/unassign-project`, { body: { ...ws, project_id: projectId } }),
          ),
        ];
        expect(viewer.status).toBe('active');
        expect(access.projectIds).not.toContain(projectId);
        return bodies;
      },
    ],
  ];

  it.each(actions)('%s', async (_name, act) => {
    for (const body of await act(lenient)) {
      expect(body.data).toEqual(expect.objectContaining({ id: expect.anything() }));
    }
    for (const body of await act(exact)) {
      expect(body).toHaveProperty('data', null);
      expect(body.message).toMatch(/successfully$/);
    }
  });

  it.each(BOTH)('%s: a second decision is still a 400', async (_name, sim) => {
    const decided = [...sim().state.timeRequests.values()].find(
      (r) => r.workspaceId === 1 && r.status !== 'pending',
    )!;
    expectFailure(
      await call(sim(), 'POST', `/time-requests/${decided.id}/approve`, { body: ws }),
      400,
      /only pending requests can be approved/,
    );
    const leave = [...sim().state.leaves.values()].find(
      (l) => l.workspaceId === 1 && l.status !== 'pending',
    )!;
    expectFailure(
      await call(sim(), 'PUT', `/leaves/${leave.id}/reject`, { body: ws }),
      400,
      /reason is required/,
    );
  });
});
