import { startSimulator, type SimulatorHandle } from '../../src/simulator/server.js';
import type { SimulatorOptions } from '../../src/simulator/options.js';
import { DEFAULT_PROFILE, parseProfileName, type ProfileName } from '../../src/simulator/profile.js';

export type { SimulatorHandle };

/**
 * The profile of test simulators that do not pin one: `SIM_PROFILE` (`lenient` | `docs-exact`),
 * else the simulator's default (`docs-exact`). `npm run test:lenient` runs the wire-shape suites
 * with `SIM_PROFILE=lenient`, so the gateway is proven against both readings of the docs.
 */
export function testProfile(env: NodeJS.ProcessEnv = process.env): ProfileName {
  const raw = env.SIM_PROFILE;
  return raw === undefined || raw === '' ? DEFAULT_PROFILE : parseProfileName(raw, 'SIM_PROFILE');
}

/**
 * A simulator on a free port for one test file. Rate limit off unless the test asks for it, so
 * tests exercising behaviour do not trip over the 60/min budget. Its profile is `testProfile()`
 * unless the test pins one.
 */
export function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<SimulatorHandle> {
  return startSimulator({ rateLimit: 0, profile: testProfile(), ...options, port: 0 });
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the simulator's WebWork API over real HTTP, as the gateway does. */
export async function call<T = any>(
  simulator: { apiUrl: string },
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: {
    token?: string | null;
    query?: Record<string, string | number | undefined>;
    body?: unknown;
    form?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const url = new URL(simulator.apiUrl + path);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? 'demo-owner' : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Asserts the documented envelope shapes (REFERENCE §3) and returns the body for further checks. */
export function expectSuccess(response: ApiResponse, status = 200) {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { success: true } });
  expect(response.body.meta).toMatchObject({
    api_version: '2.0.0',
    timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  });
  return response.body;
}

export function expectFailure(response: ApiResponse, status: number, message?: RegExp) {
  expect({ status: response.status, success: response.body?.success }).toEqual({ status, success: false });
  expect(typeof response.body.message).toBe('string');
  expect(response.body.meta).toMatchObject({ api_version: '2.0.0' });
  if (message) expect(response.body.message).toMatch(message);
  return response.body;
}

/** The user id behind a demo token (`demo-owner`, `demo-user-105`, ...). */
export const userIdOf = (simulator: SimulatorHandle, token: string): number =>
  simulator.state.tokens.get(token)!;

/** Distinct numbers, ascending: for comparing id sets whatever order a list used. */
export const sortedUnique = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/** The distinct `id`s of wire rows, ascending. */
export const uniqueSortedIds = (rows: { id: number }[]): number[] => sortedUnique(rows.map((r) => r.id));
