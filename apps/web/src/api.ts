/**
 * The one way the web app talks to the API: same-origin JSON with the session cookie, which page
 * scripts never see. Changes echo the readable CSRF cookie in X-CSRF-Token.
 */
export interface Page<T> {
  items: T[];
  total: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field name → message, from a 400 that lists `errors: [{field, code, message}]`. */
    readonly fieldErrors: Record<string, string>,
    readonly code?: string,
  ) {
    super(message);
  }
}

let onUnauthenticated: () => void = () => undefined;

/** Called when the API answers 401 to a signed-in request: the session has ended. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

/**
 * Moves on whenever a new session begins (sign-in, password change): a request sent under the
 * old session that comes back 401 afterwards says nothing about the new one.
 */
let sessionEpoch = 0;

export function beginSession(): void {
  sessionEpoch += 1;
}

let onPasswordChangeRequired: () => void = () => undefined;

/** Called when the API answers 403 `password.change_required`: a new password comes first. */
export function whenPasswordChangeRequired(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

function csrfToken(): string {
  const pair = document.cookie.split('; ').find((c) => c.startsWith('sheber_csrf='));
  return pair ? decodeURIComponent(pair.slice('sheber_csrf='.length)) : '';
}

interface ErrorBody {
  message?: string | string[];
  code?: string;
  errors?: { field: string; code: string; message: string }[];
}

/** The API writes its refusals in the language the app shows. */
function language(): string {
  return document.documentElement.lang || 'kk';
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  const epoch = sessionEpoch;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (response.ok) return parsed as T;
  return failed(response, parsed, path, epoch);
}

/** Throws the ApiError of a refused response, after telling the session what it says. */
function failed(response: Response, parsed: unknown, path: string, epoch: number): never {
  const error = (parsed ?? {}) as ErrorBody;
  if (response.status === 401 && !path.startsWith('/api/auth/session') && epoch === sessionEpoch) {
    onUnauthenticated();
  }
  if (response.status === 403 && error.code === 'password.change_required') {
    onPasswordChangeRequired();
  }
  const fieldErrors: Record<string, string> = {};
  for (const { field, message } of error.errors ?? []) {
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
  }
  const message = Array.isArray(error.message) ? error.message.join('; ') : error.message;
  throw new ApiError(response.status, message ?? response.statusText, fieldErrors, error.code);
}

/** A printed document: the file, or where to ask again while the worker prepares it (202). */
export type PrintedDocument = { file: Blob; filename: string } | { location: string };

export async function fetchDocument(path: string): Promise<PrintedDocument> {
  const epoch = sessionEpoch;
  const response = await fetch(path, {
    headers: { accept: 'application/pdf, application/json', 'accept-language': language() },
    credentials: 'same-origin',
  });
  if (response.status === 202) {
    const body = (await response.json()) as { id: string };
    return { location: response.headers.get('location') ?? `/api/documents/${body.id}` };
  }
  if (response.ok) {
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'document.pdf';
    return { file: await response.blob(), filename };
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return failed(response, parsed, path, epoch);
}

/** A query string from the defined values of `params`. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
