import { SimEvents } from '../../src/simulator/events.js';
import { defaultSimulatorOptions } from '../../src/simulator/options.js';
import { PROFILES } from '../../src/simulator/profile.js';
import type { RouteContext } from '../../src/simulator/routes/context.js';
import { seedState } from '../../src/simulator/state/seed.js';
import { attachWebhookDelivery } from '../../src/simulator/webhooks/delivery.js';
import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';
import { startReceiver } from './webhook-receiver.js';

let sim: SimulatorHandle;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const create = (body: Record<string, unknown>, token?: string) =>
  call(sim, 'POST', '/webhooks', { body: { workspace_id: 1, ...body }, ...(token ? { token } : {}) });

describe('webhooks CRUD', () => {
  let id: string;

  it('POST /webhooks creates a webhook (200) with a whsec_ token', async () => {
    const body = expectSuccess(
      await create({ url: 'https://example.com/hook', events: ['tracker.started', 'project.created'] }),
      200,
    );
    expect(body.message).toBe('Webhook created successfully');
    expect(body.data).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{12}$/),
      url: 'https://example.com/hook',
      events: ['tracker.started', 'project.created'],
      token: expect.stringMatching(/^whsec_[a-z0-9]+$/),
    });
    id = body.data.id;
    expect(sim.state.webhooks.get(id)).toMatchObject({ workspaceId: 1, url: 'https://example.com/hook' });
  });

  it('POST /webhooks accepts application/x-www-form-urlencoded', async () => {
    const res = await call(sim, 'POST', '/webhooks', {
      form: { workspace_id: '1', url: 'http://example.org/form', 'events[]': 'member.invited' },
    });
    const body = expectSuccess(res);
    expect(body.data).toMatchObject({ url: 'http://example.org/form', events: ['member.invited'] });
    const csv = expectSuccess(
      await call(sim, 'POST', '/webhooks', {
        form: { workspace_id: '1', url: 'http://example.org/csv', events: 'tracker.started,tracker.stopped' },
      }),
    );
    expect(csv.data.events).toEqual(['tracker.started', 'tracker.stopped']);
  });

  it('POST /webhooks validates input', async () => {
    expectFailure(await create({ events: ['tracker.started'] }), 400, /url is required/);
    expectFailure(await create({ url: 'ftp://example.com', events: ['tracker.started'] }), 422, /http\(s\)/);
    expectFailure(await create({ url: 'not a url', events: ['tracker.started'] }), 422, /url/);
    expectFailure(await create({ url: 'https://e.com' }), 400, /events is required/);
    expectFailure(await create({ url: 'https://e.com', events: [] }), 422, /at least one/);
    expectFailure(
      await create({ url: 'https://e.com', events: ['task.updated'] }),
      422,
      /unknown event.*task\.updated/,
    );
    expectFailure(await create({ url: 'https://e.com', events: ['tracker.started'] }, 'demo-member'), 403);
    expectFailure(
      await call(sim, 'POST', '/webhooks', { body: { url: 'https://e.com', events: ['tracker.started'] } }),
      400,
      /workspace_id/,
    );
  });

  it('GET /webhooks lists the workspace webhooks (default 50 per page)', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/webhooks', { query: { workspace_id: 1 } }));
    const mine = [...sim.state.webhooks.values()].filter((w) => w.workspaceId === 1);
    expect(body.data.map((w: any) => w.id)).toEqual(mine.map((w) => w.id));
    expect(body.meta.pagination).toMatchObject({ per_page: 50, total: mine.length });
    const other = expectSuccess(
      await call(sim, 'GET', '/webhooks', { token: 'demo-owner-2', query: { workspace_id: 2 } }),
    );
    expect(other.data).toEqual([]);
    expectFailure(
      await call(sim, 'GET', '/webhooks', { token: 'demo-member', query: { workspace_id: 1 } }),
      403,
    );
  });

  it('GET /webhooks/{webhookId} returns one; unknown or foreign id is 404', async () => {
    const body = expectSuccess(await call(sim, 'GET', `/webhooks/${id}`, { query: { workspace_id: 1 } }));
    expect(body.data).toMatchObject({ id, url: 'https://example.com/hook' });
    expectFailure(await call(sim, 'GET', '/webhooks/nope', { query: { workspace_id: 1 } }), 404, /nope/);
    expectFailure(
      await call(sim, 'GET', `/webhooks/${id}`, { token: 'demo-owner-2', query: { workspace_id: 2 } }),
      404,
    );
  });

  it('PUT /webhooks/{webhookId} changes url and events (no data), url required', async () => {
    const body = expectSuccess(
      await call(sim, 'PUT', `/webhooks/${id}`, {
        body: { workspace_id: 1, url: 'https://example.com/v2', events: ['tracker.stopped'] },
      }),
    );
    expect(body.data).toBeUndefined();
    expect(body.message).toBe('Webhook updated successfully');
    const read = expectSuccess(await call(sim, 'GET', `/webhooks/${id}`, { query: { workspace_id: 1 } }));
    expect(read.data).toMatchObject({ url: 'https://example.com/v2', events: ['tracker.stopped'] });
    expectFailure(
      await call(sim, 'PUT', `/webhooks/${id}`, { body: { workspace_id: 1, events: ['tracker.started'] } }),
      400,
      /url is required/,
    );
    expectFailure(
      await call(sim, 'PUT', `/webhooks/${id}`, {
        body: { workspace_id: 1, url: 'https://x.y', events: ['x'] },
      }),
      422,
    );
    expectFailure(
      await call(sim, 'PUT', '/webhooks/nope', { body: { workspace_id: 1, url: 'https://x.y' } }),
      404,
    );
  });

  it('DELETE /webhooks/{webhookId} removes it', async () => {
    expectFailure(
      await call(sim, 'DELETE', `/webhooks/${id}`, { token: 'demo-member', query: { workspace_id: 1 } }),
      403,
    );
    const body = expectSuccess(await call(sim, 'DELETE', `/webhooks/${id}`, { query: { workspace_id: 1 } }));
    expect(body.message).toBe('Webhook deleted successfully');
    expectFailure(await call(sim, 'GET', `/webhooks/${id}`, { query: { workspace_id: 1 } }), 404);
    expectFailure(await call(sim, 'DELETE', `/webhooks/${id}`, { query: { workspace_id: 1 } }), 404);
  });
});

describe('webhook delivery', () => {
  it('POSTs tracker.started / tracker.stopped to subscribed webhooks of the workspace only', async () => {
    for (const w of [...sim.state.webhooks.values()]) sim.state.webhooks.delete(w.id);
    const hook = expectSuccess(
      await create({ url: `${receiver.url}/tracker`, events: ['tracker.started', 'tracker.stopped'] }),
    ).data;
    // Not subscribed to tracker events; and a webhook of workspace 2 must not fire either.
    expectSuccess(await create({ url: `${receiver.url}/members`, events: ['member.invited'] }));
    expectSuccess(
      await call(sim, 'POST', '/webhooks', {
        token: 'demo-owner-2',
        body: { workspace_id: 2, url: `${receiver.url}/ws2`, events: ['tracker.started'] },
      }),
    );
    const userId = sim.state.tokens.get('demo-member')!;
    sim.state.trackers.delete(`1:${userId}`);
    const started = expectSuccess(
      await call(sim, 'POST', '/time-tracking/start', {
        body: { workspace_id: 1, user_id: userId, activity_description: 'hook test' },
      }),
    );
    const stopped = expectSuccess(
      await call(sim, 'POST', '/time-tracking/stop', { body: { workspace_id: 1, user_id: userId } }),
    );
    const deliveries = await receiver.waitFor(2);
    await new Promise((r) => setTimeout(r, 100)); // anything extra would have arrived by now
    expect(deliveries.map((d) => d.path).sort()).toEqual(['/tracker', '/tracker']);
    const byEvent = Object.fromEntries(deliveries.map((d) => [d.body.event, d]));
    for (const d of deliveries) {
      expect(d.headers['content-type']).toMatch(/^application\/json/);
      expect(d.headers['x-webwork-event']).toBe(d.body.event);
      expect(d.headers['x-webwork-webhook-token']).toBe(hook.token);
      expect(d.body).toMatchObject({
        workspace_id: 1,
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      });
    }
    const { message: _message, ...startView } = started.data;
    expect(byEvent['tracker.started']!.body.data).toEqual(startView);
    expect(byEvent['tracker.stopped']!.body.data).toMatchObject({
      user_id: userId,
      activity_description: 'hook test',
      stopped_at: stopped.data.stopped_at,
      time_entry_id: expect.any(String),
    });
    receiver.received.length = 0;
  });

  it('survives a receiver that fails or does not exist', async () => {
    for (const w of [...sim.state.webhooks.values()]) sim.state.webhooks.delete(w.id);
    expectSuccess(await create({ url: `${receiver.url}/fail`, events: ['tracker.started'] }));
    expectSuccess(await create({ url: 'http://127.0.0.1:1/refused', events: ['tracker.started'] }));
    const userId = sim.state.tokens.get('demo-member')!;
    expectSuccess(
      await call(sim, 'POST', '/time-tracking/start', { body: { workspace_id: 1, user_id: userId } }),
    );
    await receiver.waitFor(1);
    expectSuccess(
      await call(sim, 'POST', '/time-tracking/stop', { body: { workspace_id: 1, user_id: userId } }),
    );
    expectSuccess(await call(sim, 'GET', '/webhooks', { query: { workspace_id: 1 } }));
    receiver.received.length = 0;
  });

  it('delivers project.created raised through POST /projects', async () => {
    for (const w of [...sim.state.webhooks.values()]) sim.state.webhooks.delete(w.id);
    const hook = expectSuccess(
      await create({ url: `${receiver.url}/api-projects`, events: ['project.created'] }),
    );
    const created = expectSuccess(
      await call(sim, 'POST', '/projects', { query: { workspace_id: 1 }, body: { name: 'Webhook Project' } }),
      201,
    );
    const [d] = await receiver.waitFor(1);
    expect(d).toMatchObject({
      path: '/api-projects',
      headers: { 'x-webwork-event': 'project.created', 'x-webwork-webhook-token': hook.data.token },
      body: {
        event: 'project.created',
        workspace_id: 1,
        data: { id: created.data.id, name: 'Webhook Project' },
      },
    });
    receiver.received.length = 0;
  });

  // Also drives delivery directly (no HTTP API in between): filtering by event and workspace, and
  // that close() stops delivery.
  it('delivers non-tracker events (project.created) raised on ctx.events', async () => {
    const state = seedState(defaultSimulatorOptions);
    state.webhooks.set('hookproject1', {
      id: 'hookproject1',
      workspaceId: 1,
      createdBy: 100,
      url: `${receiver.url}/projects`,
      events: ['project.created'],
      token: 'whsec_test',
      createdAt: '2024-01-15T10:30:00Z',
    });
    const events = new SimEvents();
    const ctx: RouteContext = {
      state,
      events,
      profile: PROFILES.lenient,
      options: defaultSimulatorOptions,
      now: () => new Date(),
    };
    const delivery = attachWebhookDelivery(ctx);
    events.emit('project.updated', 1, { id: 1 }); // not subscribed
    events.emit('project.created', 2, { id: 2 }); // other workspace
    events.emit('project.created', 1, { id: 1000, name: 'New' });
    const [d] = await receiver.waitFor(1);
    await delivery.close();
    expect(receiver.received).toHaveLength(1);
    expect(d).toMatchObject({
      path: '/projects',
      headers: { 'x-webwork-event': 'project.created', 'x-webwork-webhook-token': 'whsec_test' },
      body: { event: 'project.created', workspace_id: 1, data: { id: 1000, name: 'New' } },
    });
    // After close, nothing more is delivered.
    events.emit('project.created', 1, { id: 1001 });
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(1);
  });
});
