import type { Answer } from '../http-client.js';

/** What the fuzzer holds against an answer; none of these may happen. */
export type Problem = '5xx' | 'stack trace' | 'INTERNAL_SERVER_ERROR' | 'no answer';

/**
 * A stack trace or an internal path in the body: a V8 frame line ("    at fn (…)") or a file path
 * of the gateway's code or dependencies (src/, dist/, node_modules/, file://, *.ts:line).
 */
const STACK_TRACE =
  /(?:^|\\n|\n)\s{2,}at [\w$.<]|file:\/\/|node_modules\/|\/(?:src|dist)\/[\w/.-]+\.[jt]s|\.[jt]s:\d+:\d+/;

export function problemsOf(answer: Answer): Problem[] {
  const problems: Problem[] = [];
  if (answer.status === 0) problems.push('no answer');
  if (answer.status >= 500) problems.push('5xx');
  if (STACK_TRACE.test(answer.text)) problems.push('stack trace');
  if ((answer.json?.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
    problems.push('INTERNAL_SERVER_ERROR');
  }
  return problems;
}
