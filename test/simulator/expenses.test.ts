import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const PRETTY = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/;
const categories = (ws: number) =>
  [...sim.state.expenseCategories.values()].filter((c) => c.workspaceId === ws);
const projectOf = (ws: number) => sim.state.projectsOf(ws).find((p) => !p.deletedAt)!;

describe('GET /expenses/categories', () => {
  it('lists the categories of the workspace', async () => {
    const body = expectSuccess(
      await call(sim, 'GET', '/expenses/categories', { query: { workspace_id: 1 } }),
    );
    expect(body.data).toEqual(categories(1).map((c) => ({ id: c.id, name: c.name })));
    expect(body.meta.pagination).toMatchObject({ total: categories(1).length });
  });

  it('is for Owners and Executive Managers only', async () => {
    expectFailure(
      await call(sim, 'GET', '/expenses/categories', { token: 'demo-member', query: { workspace_id: 1 } }),
      403,
    );
    expectFailure(await call(sim, 'GET', '/expenses/categories'), 400, /workspace_id is required/);
  });
});

describe('GET /expenses', () => {
  it('lists the expenses of the workspace in the documented shape', async () => {
    const all = [...sim.state.expenses.values()].filter((e) => e.workspaceId === 1);
    const body = expectSuccess(
      await call(sim, 'GET', '/expenses', { query: { workspace_id: 1, per_page: 100 } }),
    );
    expect(body.data.map((e: any) => e.id)).toEqual(all.map((e) => e.id));
    const first = all[0]!;
    const user = sim.state.users.get(first.userId)!;
    expect(body.data[0]).toEqual({
      id: first.id,
      member: `${user.firstname} ${user.lastname}`,
      expense_date: expect.stringMatching(PRETTY),
      expense_name: first.name,
      project: first.projectId ? sim.state.projects.get(first.projectId)!.name : null,
      category: sim.state.expenseCategories.get(first.categoryId!)!.name,
      amount: first.amount,
      note: first.note,
      type: first.isBillable ? 'billable' : 'non-billable',
      added_dte: expect.stringMatching(PRETTY),
    });
  });

  it('filters by id and date range', async () => {
    const all = [...sim.state.expenses.values()].filter((e) => e.workspaceId === 1);
    const target = all[3]!;
    const byId = expectSuccess(
      await call(sim, 'GET', '/expenses', { query: { workspace_id: 1, id: target.id } }),
    );
    expect(byId.data.map((e: any) => e.id)).toEqual([target.id]);
    const byDate = expectSuccess(
      await call(sim, 'GET', '/expenses', {
        query: { workspace_id: 1, date_from: target.date, date_to: target.date, per_page: 100 },
      }),
    );
    expect(byDate.data.map((e: any) => e.id)).toEqual(
      all.filter((e) => e.date === target.date).map((e) => e.id),
    );
  });

  it('rejects bad filters and other roles', async () => {
    expectFailure(
      await call(sim, 'GET', '/expenses', {
        query: { workspace_id: 1, date_from: '2024-02-01', date_to: '2024-01-01' },
      }),
      422,
      /date_to/,
    );
    expectFailure(
      await call(sim, 'GET', '/expenses', { query: { workspace_id: 1, date_from: '2024-02-30' } }),
      422,
    );
    expectFailure(
      await call(sim, 'GET', '/expenses', { token: 'demo-member', query: { workspace_id: 1 } }),
      403,
    );
    expectFailure(
      await call(sim, 'GET', '/expenses', { token: 'demo-owner-2', query: { workspace_id: 1 } }),
      403,
    );
  });
});

describe('POST / PUT / DELETE /expenses', () => {
  let id: string;

  it('creates an expense from a doc set B body (201), visible in the list', async () => {
    const category = categories(1)[0]!;
    const project = projectOf(1);
    const body = expectSuccess(
      await call(sim, 'POST', '/expenses', {
        body: {
          workspace_id: 1,
          expense_name: 'Office Supplies',
          date: '2024-01-15',
          amount: 150.5,
          category_id: category.id,
          project_id: project.id,
          note: 'Purchased office supplies for Q1',
          is_billable: true,
        },
      }),
      201,
    );
    const owner = sim.state.users.get(sim.state.tokens.get('demo-owner')!)!;
    expect(body.message).toBe('Expense created successfully');
    expect(body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      member: `${owner.firstname} ${owner.lastname}`,
      expense_date: 'Jan 15, 2024',
      expense_name: 'Office Supplies',
      project: project.name,
      category: category.name,
      amount: 150.5,
      note: 'Purchased office supplies for Q1',
      type: 'billable',
      added_dte: expect.stringMatching(PRETTY),
    });
    id = body.data.id;
    const listed = expectSuccess(await call(sim, 'GET', '/expenses', { query: { workspace_id: 1, id } }));
    expect(listed.data).toEqual([body.data]);
  });

  it('accepts the early doc set A body (description → note) when expense_name is present', async () => {
    const body = expectSuccess(
      await call(sim, 'POST', '/expenses', {
        token: 'demo-manager',
        body: {
          workspace_id: 1,
          expense_name: 'Taxi',
          amount: '12',
          category_id: categories(1)[1]!.id,
          description: 'Airport',
          date: '2024-03-02',
        },
      }),
      201,
    );
    expect(body.data).toMatchObject({ note: 'Airport', amount: 12, project: null, type: 'non-billable' });
    // Without expense_name (pure early doc set A body) it is a 400 naming the field.
    expectFailure(
      await call(sim, 'POST', '/expenses', {
        body: {
          workspace_id: 1,
          amount: 5,
          category_id: categories(1)[0]!.id,
          description: 'x',
          date: '2024-03-02',
        },
      }),
      400,
      /expense_name is required/,
    );
  });

  it('validates the create body', async () => {
    const base = {
      workspace_id: 1,
      expense_name: 'X',
      date: '2024-01-15',
      amount: 1,
      category_id: categories(1)[0]!.id,
    };
    const post = (body: Record<string, unknown>, token?: string) =>
      call(sim, 'POST', '/expenses', { body: { ...base, ...body }, ...(token ? { token } : {}) });
    expectFailure(await post({ date: undefined }), 400, /date is required/);
    expectFailure(await post({ date: '15/01/2024' }), 422, /date must be a date/);
    expectFailure(await post({ amount: 'lots' }), 422, /amount must be a number/);
    expectFailure(await post({ amount: -1 }), 422, /amount must be at least 0/);
    expectFailure(await post({ category_id: undefined }), 400, /category_id is required/);
    expectFailure(await post({ category_id: categories(2)[0]!.id }), 404, /category/);
    expectFailure(await post({ project_id: projectOf(2).id }), 404, /Project/);
    expectFailure(await post({ is_billable: 'maybe' }), 422, /is_billable/);
    expectFailure(await post({}, 'demo-member'), 403);
  });

  it('updates fields partially', async () => {
    const category = categories(1)[2]!;
    const body = expectSuccess(
      await call(sim, 'PUT', `/expenses/${id}`, {
        body: {
          workspace_id: 1,
          amount: 99.99,
          category_id: category.id,
          is_billable: false,
          project_id: null,
        },
      }),
    );
    expect(body.message).toBe('Expense updated successfully');
    expect(body.data).toMatchObject({
      id,
      expense_name: 'Office Supplies',
      amount: 99.99,
      category: category.name,
      type: 'non-billable',
      project: null,
      expense_date: 'Jan 15, 2024',
    });
    const listed = expectSuccess(await call(sim, 'GET', '/expenses', { query: { workspace_id: 1, id } }));
    expect(listed.data[0]).toEqual(body.data);
    expectFailure(await call(sim, 'PUT', `/expenses/${id}`, { body: { workspace_id: 1, amount: 'x' } }), 422);
    expectFailure(await call(sim, 'PUT', '/expenses/unknown', { body: { workspace_id: 1 } }), 404, /unknown/);
    expectFailure(
      await call(sim, 'PUT', `/expenses/${id}`, {
        token: 'demo-member',
        body: { workspace_id: 1, amount: 1 },
      }),
      403,
    );
  });

  it('deletes an expense (404 afterwards and from another workspace)', async () => {
    expectFailure(
      await call(sim, 'DELETE', `/expenses/${id}`, { token: 'demo-owner-2', body: { workspace_id: 2 } }),
      404,
    );
    const body = expectSuccess(await call(sim, 'DELETE', `/expenses/${id}`, { body: { workspace_id: 1 } }));
    expect(body).toMatchObject({ data: null, message: 'Expense deleted successfully' });
    expect(sim.state.expenses.has(id)).toBe(false);
    const listed = expectSuccess(await call(sim, 'GET', '/expenses', { query: { workspace_id: 1, id } }));
    expect(listed.data).toEqual([]);
    expectFailure(await call(sim, 'DELETE', `/expenses/${id}`, { query: { workspace_id: 1 } }), 404);
  });
});
