import http from 'node:http';

/** One answer as a client saw it: status 0 and `error` when no HTTP answer came at all. */
export interface Answer {
  status: number;
  body: unknown;
  retryAfter: string | null;
  ms: number;
  error?: string;
  /** When the answer arrived (ms since the epoch), for the recovery times. */
  at: number;
}

export async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a PDF, a page)
    }
    return {
      status: response.status,
      body: parsed,
      retryAfter: response.headers.get('retry-after'),
      ms: Date.now() - started,
      at: Date.now(),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return {
      status: 0,
      body: null,
      retryAfter: null,
      ms: Date.now() - started,
      at: Date.now(),
      error: cause?.code ?? (error instanceof Error ? error.message : String(error)),
    };
  }
}

/**
 * A request on a connection of its own (no keep-alive), named by `requestId`, so that a test can
 * tell from the server's log which requests it had received when it was told to stop.
 */
export function callOnOwnConnection(
  base: string,
  method: string,
  path: string,
  token: string,
  body: unknown,
  requestId: string,
): Promise<Answer> {
  const started = Date.now();
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const request = http.request(
      `${base}${path}`,
      {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'x-request-id': requestId,
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({
            status: response.statusCode ?? 0,
            body: parsed,
            retryAfter: response.headers['retry-after'] ?? null,
            ms: Date.now() - started,
            at: Date.now(),
          });
        });
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({
            status: 0,
            body: null,
            retryAfter: null,
            ms: Date.now() - started,
            at: Date.now(),
            error: error.code ?? error.message,
          }),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        status: 0,
        body: null,
        retryAfter: null,
        ms: Date.now() - started,
        at: Date.now(),
        error: error.code ?? error.message,
      }),
    );
    request.end(payload);
  });
}

/** Runs `task` over `items`, at most `concurrency` at once. */
export async function inParallel<T, R>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
