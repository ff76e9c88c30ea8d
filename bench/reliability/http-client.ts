/** One GraphQL answer as the client saw it. */
export interface Answer {
  /** HTTP status; 0 when no response came (connection error or client timeout). */
  status: number;
  ms: number;
  text: string;
  /** Parsed body, when it was JSON. */
  json?: { data?: any; errors?: { message?: string; path?: unknown[]; extensions?: Record<string, any> }[] };
  /** Why there was no response (`timeout`, or the connection error). */
  failure?: string;
}

/**
 * POSTs a GraphQL request to `${baseUrl}/graphql` with `token` (none when null), waits at most
 * `timeoutMs`. Never throws: a timeout or a refused connection is an answer with status 0.
 */
export async function gql(
  baseUrl: string,
  request: { query: string; variables?: unknown; operationName?: string } | string,
  token: string | null,
  timeoutMs = 30_000,
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: typeof request === 'string' ? request : JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json: Answer['json'];
    try {
      json = JSON.parse(text) as Answer['json'];
    } catch {
      json = undefined;
    }
    return { status: response.status, ms: performance.now() - started, text, json };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const failure =
      name === 'TimeoutError' || name === 'AbortError'
        ? 'timeout'
        : error instanceof Error
          ? String((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
    return { status: 0, ms: performance.now() - started, text: '', failure };
  }
}

/** The `extensions.code` of every error of an answer. */
export const errorCodes = (answer: Answer): string[] =>
  (answer.json?.errors ?? []).map((e) => String(e.extensions?.code ?? '(none)'));

/** GET `${baseUrl}${path}`; status 0 on failure. */
export async function probeHttp(url: string, timeoutMs = 5000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}
