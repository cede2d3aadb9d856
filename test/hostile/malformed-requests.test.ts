import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { signedIn } from '../factories/users';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every write route of the live OpenAPI document gets malformed bodies of many kinds, and every
 * route with a query gets malformed queries, against the built API (whose document describes every
 * field). None may answer 5xx, and no table may change. A new route or field is covered without
 * touching this file.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Attempt {
  kind: string;
  body?: string;
  contentType?: string;
}

const DEPTH = 50_000;
const SQL = "'; DROP TABLE users; --";
const HTML = '<script>alert(1)</script><img src=x onerror=alert(1)>';

/** The fields a body schema names (the top level; nested DTOs get the same values as a whole). */
function fieldsOf(document: OpenApi, schema: Schema | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return fieldsOf(document, document.components?.schemas?.[name]);
  }
  if (schema.allOf) return schema.allOf.flatMap((part) => fieldsOf(document, part));
  return Object.keys(schema.properties ?? {});
}

/** A body with `value` in every field, plus one field no DTO has, so it can never be accepted. */
function everyField(fields: string[], value: unknown, kind: string): string {
  const body: Record<string, unknown> = { [`zz_unknown_${kind}`]: 1 };
  for (const field of fields.length > 0 ? fields : ['name', 'id', 'date']) body[field] = value;
  return JSON.stringify(body);
}

/** At least 25 kinds of malformed body for a route whose body has `fields`. */
export function malformedBodies(fields: string[]): Attempt[] {
  const json = (kind: string, body: string): Attempt => ({ kind, body });
  const field = (kind: string, value: unknown): Attempt =>
    json(kind, everyField(fields, value, kind));
  const deep = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
  return [
    json('invalid JSON', '{"name": "x", '),
    {
      kind: 'wrong content type',
      body: 'name=x',
      contentType: 'application/x-www-form-urlencoded',
    },
    { kind: 'XML', body: '<name>x</name>', contentType: 'text/xml' },
    json('empty', ''),
    json('JSON null', 'null'),
    json('JSON array', '[]'),
    json('JSON string', '"x"'),
    json('JSON number', '42'),
    json('unknown field only', '{"zz_unknown": true}'),
    field('objects for every field', {}),
    field('booleans for every field', true),
    field('null for every field', null),
    json('missing required', '{"zz_unknown_missing": 1}'),
    field('huge numbers', 1e308),
    json('non-finite numbers', everyField(fields, 0, 'nonfinite').replace(/:0(?=[,}])/g, ':1e999')),
    field('negative numbers', -1),
    field('fractions', 0.5),
    field('10 kB strings', 'ә'.repeat(10_000)),
    json('a 2 MB string', everyField(fields, 'x'.repeat(2 * 1024 * 1024), '2mb')),
    json('deep nesting', `{"zz_deep":${deep}}`),
    json(
      '__proto__',
      '{"__proto__":{"role":"admin","isAdmin":true},"constructor":{"prototype":{"x":1}}}',
    ),
    field('invalid UUIDs', 'not-a-uuid'),
    field('impossible dates', '2026-02-30'),
    field('SQL metacharacters', SQL),
    field('HTML metacharacters', HTML),
    field('NUL', 'a\u0000b'),
    field('lone surrogates', 'a\ud800b'),
    field('right-to-left marks', '\u202Eabc\u202C\u200F'),
    field(
      '10 000-item arrays',
      Array.from({ length: 10_000 }, () => 'x'),
    ),
    field('arrays of objects', [{ a: { b: { c: [] } } }]),
  ];
}

/** Malformed values for one query parameter, as raw (already encoded) strings. */
const QUERY_VALUES: [string, string][] = [
  ['empty', ''],
  ['huge', '9'.repeat(400)],
  ['1e308', '1e308'],
  ['negative', '-1'],
  ['Infinity', 'Infinity'],
  ['NaN', 'NaN'],
  ['fraction', '1.5'],
  ['invalid UUID', 'not-a-uuid'],
  ['impossible date', '2026-02-30'],
  ['10 kB', 'a'.repeat(10_000)],
  ['SQL', encodeURIComponent(SQL)],
  ['HTML', encodeURIComponent(HTML)],
  ['NUL', '%00'],
  ['invalid UTF-8 (a lone surrogate)', '%ED%A0%80'],
  ['broken percent', '%E0%A4%A'],
  ['right-to-left mark', '%E2%80%AE'],
  ['LIKE wildcards', '%25_%25'],
  ['regex characters', encodeURIComponent('.*(a+)+$[')],
  ['boolean', 'true'],
  ['JSON', encodeURIComponent('{"$gt":""}')],
];

function malformedQueries(names: string[]): { kind: string; query: string }[] {
  const attempts: { kind: string; query: string }[] = [];
  for (const name of names) {
    for (const [kind, value] of QUERY_VALUES)
      attempts.push({ kind: `${name}: ${kind}`, query: `${name}=${value}` });
    attempts.push({ kind: `${name}: repeated`, query: `${name}=1&${name}=2` });
    attempts.push({ kind: `${name}: bracketed`, query: `${name}[a]=1` });
  }
  attempts.push({ kind: 'unknown parameter', query: 'zz_unknown=1' });
  attempts.push({ kind: '__proto__', query: '__proto__[role]=admin&constructor[prototype][x]=1' });
  attempts.push({ kind: 'NUL in a name', query: 'search%00=x' });
  return attempts;
}

/** Every table's row count and a checksum of its rows. */
async function tableChecksums(t: TestApp): Promise<Record<string, string>> {
  const tables = await t.dataSource.query<{ name: string }[]>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await t.dataSource.query<{ n: number; sum: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${name} t`,
    );
    result[name] = `${row!.n}:${row!.sum ?? ''}`;
  }
  return result;
}

describe('hostile input against every route of the live OpenAPI document', () => {
  let t: TestApp;
  let api: RunningProcess;
  let base: string;
  let document: OpenApi;
  let admin: string;

  beforeAll(async () => {
    assertBuilt();
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess(BUILT.api, [], {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
    await waitForHttp(`${base}/api/health`);
    document = (await (await fetch(`${base}/api/docs-json`)).json()) as OpenApi;
  });
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await t?.close();
  });

  /** Each path parameter replaced: ids by fresh UUIDs, dates by a day that is no holiday. */
  const concrete = (path: string) =>
    path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      name === 'date' ? '1990-01-15' : randomUUID(),
    );

  /**
   * One request over a raw socket: the server may answer a 2 MB body with 413 and close before the
   * body is written, which an HTTP client reports as a broken pipe; here the answer counts.
   */
  function send(method: string, url: string, attempt: Attempt): Promise<number> {
    const { port } = new URL(base);
    const body = Buffer.from(attempt.body ?? '', 'utf8');
    const head = [
      `${method.toUpperCase()} ${url} HTTP/1.1`,
      `host: 127.0.0.1:${port}`,
      `authorization: Bearer ${admin}`,
      `content-type: ${attempt.contentType ?? 'application/json'}`,
      'accept-language: kk',
      `content-length: ${body.length}`,
      'connection: close',
      '',
      '',
    ].join('\r\n');
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      const finish = (error?: Error) => {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'));
        if (status) resolve(Number(status[1]));
        else reject(error ?? new Error(`no answer to ${method} ${url} (${attempt.kind})`));
      };
      socket.on('error', (error) => {
        // A broken pipe after the answer arrived: keep reading what is there.
        setTimeout(() => finish(error), 50);
      });
      socket.on('close', () => finish());
      socket.write(head);
      // The server refuses a body over its limit from the headers alone and then resets the
      // connection, which can drop its answer: give it the chance to answer before the body.
      if (body.length > 1024 * 1024) setTimeout(() => socket.write(body), 300);
      else socket.write(body);
    });
  }

  it('answers every malformed body and query with a 4xx and changes no table', async () => {
    const before = await tableChecksums(t);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let bodies = 0;
    let queries = 0;
    let writeRoutes = 0;
    let queryRoutes = 0;

    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Signing out takes no body and ends the session the suite works with.
        if (method === 'delete' && path === '/api/auth/session') continue;
        const url = concrete(path);
        if (method !== 'get') {
          writeRoutes += 1;
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          for (const attempt of malformedBodies(fieldsOf(document, schema))) {
            const status = await send(method, url, attempt);
            bodies += 1;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            // A route that takes a body must refuse each of these. One that takes none ignores it
            // and acts on fresh ids (404), or on nothing (deleting an absent holiday is 204).
            if (status >= 500 || (schema !== undefined && status < 400)) {
              failures.push(`${method.toUpperCase()} ${path} (${attempt.kind}): ${status}`);
            }
          }
        }
        const names = (operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => p.name);
        if (method === 'get' && names.length > 0) {
          queryRoutes += 1;
          for (const attempt of malformedQueries(names)) {
            const status = await send('get', `${url}?${attempt.query}`, { kind: attempt.kind });
            queries += 1;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 500)
              failures.push(`GET ${path}?${attempt.query.slice(0, 60)}: ${status}`);
          }
        }
      }
    }

    const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `hostile input: ${bodies} malformed bodies on ${writeRoutes} write routes, ` +
        `${queries} malformed queries on ${queryRoutes} list routes; answers ${summary.join(', ')}; ` +
        `${failures.length} refused wrongly`,
    );
    expect(failures).toEqual([]);
    expect(writeRoutes).toBeGreaterThanOrEqual(25);
    expect(queryRoutes).toBeGreaterThanOrEqual(8);
    expect(malformedBodies([]).length).toBeGreaterThanOrEqual(25);
    expect(await tableChecksums(t)).toEqual(before);
    // The API is still well after all of it.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});
