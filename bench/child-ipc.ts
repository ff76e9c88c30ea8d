import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The small protocol between the bench orchestrator and each server it forks (simulator, ceiling,
 * one gateway per mode), so every server's CPU and memory are measured in its own process.
 *
 * Child → parent: `{ type: 'ready', url, info }` once listening, then one `{ type: 'usage', ... }` per
 * `{ type: 'usage' }` request. A usage reply carries the process's cumulative CPU (user + system,
 * all threads, from `process.cpuUsage()`) and the highest RSS sampled every 20 ms since the previous
 * usage request (the window resets on each reply). `{ type: 'close' }` makes the child exit.
 */
export interface Usage {
  /** Cumulative CPU microseconds (user + system) since the process started. */
  cpuMicros: number;
  /** Highest RSS in bytes sampled since the previous usage request. */
  peakRssBytes: number;
}

type ChildMessage =
  | { type: 'ready'; url: string; info?: unknown }
  | ({ type: 'usage' } & Usage)
  | { type: 'error'; message: string };

/** True when the module at `moduleUrl` is the process's entry point (not merely imported). */
export const isEntryPoint = (moduleUrl: string): boolean =>
  process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === moduleUrl;

/** Child side: announce `url` (and `info`), answer usage requests, exit on `close`. */
export function serveUsage(url: string, info?: unknown, onClose?: () => Promise<void>): void {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  sampler.unref();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'usage') {
      const { user, system } = process.cpuUsage();
      const reply = { type: 'usage', cpuMicros: user + system, peakRssBytes: peak };
      peak = process.memoryUsage.rss();
      process.send?.(reply);
    } else if (message.type === 'close') {
      void (onClose?.() ?? Promise.resolve()).finally(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', url, info });
}

/** Child side: report a start-up failure to the parent and exit non-zero. */
export function failStartup(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send?.({ type: 'error', message });
  console.error(message);
  process.exit(1);
}

export interface ForkedServer<I = unknown> {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly info: I;
  usage(): Promise<Usage>;
  /** Lifetime peak RSS (VmHWM) from /proc, in bytes; undefined where /proc is not available. */
  lifetimePeakRssBytes(): number | undefined;
  close(): Promise<void>;
}

/** Parent side: forks a compiled bench entry point with `env` and waits for it to be ready. */
export function forkServer<I = unknown>(
  name: string,
  modulePath: URL,
  env: Record<string, string>,
  startupTimeoutMs = 30_000,
): Promise<ForkedServer<I>> {
  const child: ChildProcess = fork(modulePath, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not ready within ${startupTimeoutMs} ms`));
    }, startupTimeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with code ${code} before it was ready`));
    };
    child.once('exit', onExit);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (message.type !== 'ready') {
        child.kill('SIGKILL');
        return reject(
          new Error(`${name}: ${message.type === 'error' ? message.message : 'unexpected first message'}`),
        );
      }
      resolve(handleFor<I>(name, child, message.url, message.info as I));
    });
  });
}

function handleFor<I>(name: string, child: ChildProcess, url: string, info: I): ForkedServer<I> {
  const pid = child.pid!;
  return {
    name,
    pid,
    url,
    info,
    usage: () =>
      new Promise<Usage>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: no usage reply within 5 s`)), 5000);
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'usage') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({ cpuMicros: message.cpuMicros, peakRssBytes: message.peakRssBytes });
        };
        child.on('message', onMessage);
        child.send({ type: 'usage' });
      }),
    lifetimePeakRssBytes() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'close' });
      }),
  };
}
