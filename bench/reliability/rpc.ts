import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Request/response over the IPC channel of a forked child (the gateway or the simulator under
 * test), so the orchestrator can read what only the child knows (event-loop delay, RSS, the
 * simulator's state) without an HTTP route that would itself be measured or faulted.
 *
 * Child → parent: `{ type: 'ready', url, info }` once listening, `{ type: 'error', message }` if it
 * could not start, then `{ type: 'result', id, value | error }` per call.
 * Parent → child: `{ type: 'call', id, method, args }` and `{ type: 'close' }` (the child exits).
 */
export type Handlers = Record<string, (args: never) => unknown>;

type ToParent =
  | { type: 'ready'; url: string; info: unknown }
  | { type: 'error'; message: string }
  | { type: 'result'; id: number; value?: unknown; error?: string };
type ToChild = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

/** Child side: announce readiness, answer calls, exit on `close` after `onClose`. */
export function serveRpc(url: string, info: unknown, handlers: Handlers, onClose: () => Promise<void>): void {
  process.on('message', (message: ToChild) => {
    if (message.type === 'close') {
      void onClose()
        .catch(() => undefined)
        .finally(() => process.exit(0));
      return;
    }
    const reply = (body: Omit<Extract<ToParent, { type: 'result' }>, 'type' | 'id'>) =>
      process.send?.({ type: 'result', id: message.id, ...body });
    const handler = handlers[message.method];
    if (!handler) return void reply({ error: `no such method: ${message.method}` });
    Promise.resolve()
      .then(() => (handler as (args: unknown) => unknown)(message.args))
      .then(
        (value) => reply({ value }),
        (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
      );
  });
  process.send?.({ type: 'ready', url, info } satisfies ToParent);
}

/** Child side: report a start-up failure and exit non-zero. */
export function failStartup(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send?.({ type: 'error', message } satisfies ToParent);
  process.exit(1);
}

export interface Child<I = unknown> {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly info: I;
  call<T>(method: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** False once the process has exited (a crash, unless `close` was called). */
  alive(): boolean;
  /** Exit code or signal, once exited. */
  exitStatus(): string | undefined;
  /** Last few kB of the child's stderr (for crash reports). */
  stderrTail(): string;
  /** Current and peak RSS from /proc/<pid>/status (works even while the child's event loop is blocked). */
  memory(): { rssBytes: number; peakRssBytes: number } | undefined;
  close(): Promise<void>;
  /** SIGKILL, for a child too busy to answer `close`. */
  kill(): Promise<void>;
}

/** Parent side: forks a compiled entry point with `env` and waits until it is ready. */
export function forkChild<I = unknown>(
  name: string,
  modulePath: string,
  env: Record<string, string>,
  startupTimeoutMs = 30_000,
): Promise<Child<I>> {
  const child: ChildProcess = fork(modulePath, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not ready within ${startupTimeoutMs} ms`));
    }, startupTimeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with code ${code} before it was ready\n${stderr}`));
    };
    child.once('exit', onExit);
    child.once('message', (message: ToParent) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (message.type !== 'ready') {
        child.kill('SIGKILL');
        const why = message.type === 'error' ? message.message : 'unexpected first message';
        return reject(new Error(`${name}: ${why}`));
      }
      resolve(handle<I>(name, child, message.url, message.info as I, () => stderr));
    });
  });
}

function handle<I>(
  name: string,
  child: ChildProcess,
  url: string,
  info: I,
  stderrTail: () => string,
): Child<I> {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (message: ToParent) => {
    if (message.type !== 'result') return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(new Error(`${name}: ${message.error}`));
    else waiter.resolve(message.value);
  });
  child.once('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${name}: exited`));
    pending.clear();
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    pid: child.pid!,
    url,
    info,
    call<T>(method: string, args?: unknown, timeoutMs = 10_000) {
      if (exited()) return Promise.reject(new Error(`${name}: exited`));
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: no answer to ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ type: 'call', id, method, args } satisfies ToChild);
      });
    },
    alive: () => !exited(),
    exitStatus: () => (exited() ? String(child.exitCode ?? child.signalCode) : undefined),
    stderrTail,
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
        return { rssBytes: kb('VmRSS') * 1024, peakRssBytes: kb('VmHWM') * 1024 };
      } catch {
        return undefined;
      }
    },
    kill: () =>
      new Promise<void>((resolve) => {
        if (exited()) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (exited()) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'close' } satisfies ToChild);
      }),
  };
}
