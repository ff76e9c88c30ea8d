import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { packageRoot } from '../../src/server/playground/assets.js';
import { startStack, type Stack } from '../support/gateway-harness.js';
import { trackerEvent } from '../support/live-events.js';

/**
 * The playground in a real browser: Debian's Chromium (installed by .ci/run; never downloaded),
 * driven by playwright-core, against a real gateway and simulator. It loads /graphql, types a query
 * into GraphiQL's editor, runs it, reads the result pane, checks that no request left the gateway's
 * origin, and saves the screenshot the README shows (docs/playground.png).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(packageRoot(), 'docs', 'playground.png');

/**
 * What the test types, key by key, on one line: Monaco closes each bracket as it is opened and
 * types over the closer when it is typed, and no Enter can accept a completion by accident.
 */
const TYPED_QUERY =
  'query Team { workspace(workspaceId: 1) { id name members(first: 4) { totalCount nodes { id fullName role } } } }';

const TYPED_SUBSCRIPTION =
  'subscription Live { trackerChanged(workspaceId: 1) { userId isRunning activityDescription } }';

let stack: Stack;
let context: BrowserContext;
let page: Page;
let profile: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)`);
  }
  if (!existsSync(join(packageRoot(), 'dist', 'playground', 'manifest.json'))) {
    throw new Error('the playground is not built: npm run build (npm test runs it first)');
  }
  stack = await startStack({ redis: false });
  profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 760 },
    deviceScaleFactor: 1,
  });
  page = context.pages()[0] ?? (await context.newPage());
  // Every request of the page and of its workers, as the browser makes them.
  context.on('request', (request) => requests.push(request.url()));
  // WebSockets (subscriptions) are not requests to playwright: they are reported apart.
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A request the Content-Security-Policy refused never reaches the request log: it shows here.
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await stack?.close();
});

/** The text of one of GraphiQL's Monaco models (operation, request headers, response). */
function modelText(name: 'operation.graphql' | 'request-headers.json' | 'response.json'): Promise<string> {
  return page.evaluate((file) => {
    const monaco = (globalThis as any).__MONACO;
    const model = monaco?.editor.getModels().find((m: any) => String(m.uri.path).endsWith(file));
    return model ? String(model.getValue()) : '';
  }, name);
}

it('opens at /graphql, runs a typed query, shows its result, and loads nothing from elsewhere', async () => {
  const origin = new URL(stack.gateway.url).origin;
  const response = await page.goto(`${stack.gateway.url}/graphql`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toMatch(/^text\/html/);

  // The editors are up once Monaco has loaded; the header editor starts with the demo token.
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await queryEditor.waitFor({ state: 'visible', timeout: 20_000 });
  expect(
    await until(
      () => modelText('operation.graphql'),
      (text) => text.includes('query Dashboard'),
    ),
  ).toContain('query Dashboard');
  expect(JSON.parse(await modelText('request-headers.json'))).toEqual({ Authorization: 'Bearer demo-owner' });

  // Replace the default query by typing, as a user would.
  await queryEditor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(TYPED_QUERY, { delay: 10 });
  await page.keyboard.press('Escape'); // a completion list may be open
  expect(await modelText('operation.graphql')).toBe(TYPED_QUERY);
  // GraphiQL's prettify button (prettier, loaded on demand from the gateway like everything else).
  await page.getByRole('button', { name: /prettify/i }).click();
  expect(
    await until(
      () => modelText('operation.graphql'),
      (text) => text.includes('\n'),
    ),
  ).toMatch(/^query Team \{\n {2}workspace\(workspaceId: 1\) \{\n {4}id\n/);

  // GraphiQL works out the operation name from the editor on a debounce: on a loaded machine a
  // click right after typing can still send the default query's name ("Unknown operation named
  // Dashboard"). A user would press run again; so does the test, a few times at most.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByRole('button', { name: /execute query/i }).click();
    const answer = await until(
      () => modelText('response.json'),
      (text) => text.includes('"data"') || text.includes('OPERATION_RESOLUTION_FAILURE'),
    );
    if (answer.includes('"data"')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const shown = JSON.parse(await modelText('response.json'));
  const direct = await stack.gql(TYPED_QUERY);
  expect(direct.errors).toBeUndefined();
  expect(shown).toEqual({ data: direct.data });
  expect(shown.data.workspace.members.nodes).toHaveLength(4);
  expect(shown.data.workspace.members.nodes[0].id).toEqual(expect.any(String));

  // The result pane shows it (Monaco renders the visible lines only; these are near the top).
  const pane = page.locator('.graphiql-response .monaco-editor .view-lines');
  expect(
    await until(
      async () => (await pane.innerText()).replace(/\u00a0/g, ' '), // Monaco renders spaces as NBSP

      (text) => text.includes(shown.data.workspace.name),
    ),
  ).toContain(shown.data.workspace.name);

  await page.mouse.move(0, 0);
  await page.screenshot({ path: SCREENSHOT, animations: 'disabled', caret: 'hide' });

  expect(problems).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
  const elsewhere = requests.filter((url) => new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
}, 60_000);

it("runs a subscription over graphql-ws with the header editor's token, and shows the pushed event", async () => {
  const origin = new URL(stack.gateway.url).origin;
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await queryEditor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(TYPED_SUBSCRIPTION, { delay: 10 });
  await page.keyboard.press('Escape');
  expect(await modelText('operation.graphql')).toBe(TYPED_SUBSCRIPTION);
  // GraphiQL takes the operation name from the parsed document after a debounce; run once it has.
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: /execute query/i }).click();

  // The subscription is open once an event reaches the pane: publish until one does.
  const userId = stack.sim.state.tokens.get('demo-manager')!;
  const shown = await until(
    async () => {
      await stack.gateway.live.bus.publish(
        trackerEvent(1, userId, { activityDescription: 'Pushed to GraphiQL' }),
      );
      return modelText('response.json');
    },
    (text) => text.includes('Pushed to GraphiQL'),
  );
  expect(JSON.parse(shown)).toEqual({
    data: { trackerChanged: { userId, isRunning: true, activityDescription: 'Pushed to GraphiQL' } },
  });
  await page.getByRole('button', { name: /stop/i }).click();

  expect(problems).toEqual([]);
  const sockets = requests.filter((url) => url.startsWith('ws'));
  expect(sockets.length).toBeGreaterThan(0);
  expect(sockets.map((url) => new URL(url).host)).toEqual(sockets.map(() => new URL(origin).host));
}, 60_000);

it('serves the bundles with their content types and a long cache, the page with no-cache', async () => {
  const html = await fetch(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(html.headers.get('cache-control')).toBe('no-cache');
  const assets = requests.filter((url) => new URL(url).pathname.startsWith('/playground/'));
  expect(assets.some((url) => url.endsWith('.css'))).toBe(true);
  expect(assets.some((url) => url.includes('.worker-'))).toBe(true);
  for (const url of new Set(assets)) {
    const asset = await fetch(url);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const type = url.endsWith('.css') ? 'text/css' : url.endsWith('.ttf') ? 'font/ttf' : 'text/javascript';
    expect(asset.headers.get('content-type')).toMatch(new RegExp(`^${type}`));
    await asset.arrayBuffer();
  }
});

/** The value of `read` once `done` holds, or the last value after `timeoutMs` (the assertion then fails). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
