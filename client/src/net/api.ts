/**
 * Typed calls to the HTTP API, built from the shared route table: the URL, the method, the types of
 * the path parameters, query and body, and the answer's schema all come from shared/api/routes.ts,
 * so client and server cannot drift apart (a wrong parameter name or body shape does not compile).
 * Methods and paths come from shared/api/endpoints.ts (no zod); the answer's schema loads with the
 * first call, in parallel with the request (serverChecks.ts).
 */
import type { z } from 'zod';
import type { routes, RouteName, RouteResponse } from '../../../shared/api/routes';
import { endpoints, routePath } from '../../../shared/api/endpoints';
import { UPLOAD_FIELD } from '../../../shared/api/uploads';
import type { ApiError } from '../../../shared/api/common';
import { serverSchemas } from './serverChecks';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiError['issues'] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Def<N extends RouteName> = (typeof routes)[N];
/** Required when every key is; optional when the schema's input has no required key. */
// `{} extends T` asks "has T no required key?"; it is a test on a type, never a value's type.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Slot<K extends string, T> = {} extends T ? { [P in K]?: T } : { [P in K]: T };

type ParamsOf<N extends RouteName> = Def<N> extends { params: infer S extends z.ZodType } ? { params: z.input<S> } : { params?: never };
type QueryOf<N extends RouteName> = Def<N> extends { query: infer S extends z.ZodType } ? Slot<'query', z.input<S>> : { query?: never };
type BodyOf<N extends RouteName> = Def<N> extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : { body?: never };
type FileOf<N extends RouteName> =
  Def<N> extends { upload: string }
    ? {
        /** the file for an upload route */
        file: Blob & { name?: string };
        /** upload progress 0..1 (uses XMLHttpRequest) */
        onProgress?: (fraction: number) => void;
      }
    : { file?: never; onProgress?: never };

/** What a call to route N takes, from the route's own schemas. */
export type CallOptions<N extends RouteName> = ParamsOf<N> & QueryOf<N> & BodyOf<N> & FileOf<N> & { signal?: AbortSignal };
export type UrlOptions<N extends RouteName> = ParamsOf<N> & QueryOf<N>;
/** The options argument may be left out when nothing in it is required. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the same test as Slot's
type OptsArg<T> = {} extends T ? [opts?: T] : [opts: T];

interface LooseOptions {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  file?: Blob & { name?: string };
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export function routeUrl<N extends RouteName>(name: N, ...[opts]: OptsArg<UrlOptions<N>>): string {
  const o = (opts ?? {}) as LooseOptions;
  let url = routePath(endpoints[name].path, o.params);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  if (qs) url += `?${qs}`;
  return url;
}

async function errorFrom(status: number, text: string): Promise<ApiRequestError> {
  try {
    const e = JSON.parse(text) as ApiError;
    return new ApiRequestError(status, e.error ?? 'error', e.message ?? `HTTP ${status}`, e.issues);
  } catch {
    return new ApiRequestError(status, 'http_error', `HTTP ${status}`);
  }
}

function xhrUpload(
  method: string,
  url: string,
  form: FormData,
  onProgress: (f: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method.toUpperCase(), url);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiRequestError(0, 'network', 'Network error'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

export async function api<N extends RouteName>(name: N, ...[options]: OptsArg<CallOptions<N>>): Promise<RouteResponse<N>> {
  const def = endpoints[name];
  const schemas = serverSchemas();
  // Not a rejection left unhandled when the request itself fails first.
  schemas.catch(() => undefined);
  const opts = (options ?? {}) as LooseOptions;
  const url = (routeUrl as (n: RouteName, o: LooseOptions) => string)(name, opts);
  let status: number;
  let text: string;
  if (opts.file) {
    const form = new FormData();
    form.append(UPLOAD_FIELD, opts.file, opts.file.name ?? 'upload');
    if (opts.onProgress) {
      ({ status, text } = await xhrUpload(def.method, url, form, opts.onProgress, opts.signal));
    } else {
      const res = await fetch(url, { method: def.method.toUpperCase(), body: form, credentials: 'same-origin', signal: opts.signal });
      status = res.status;
      text = await res.text();
    }
  } else {
    const res = await fetch(url, {
      method: def.method.toUpperCase(),
      credentials: 'same-origin',
      signal: opts.signal,
      headers: opts.body !== undefined ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
    status = res.status;
    text = await res.text();
  }
  if (status < 200 || status >= 300) throw await errorFrom(status, text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiRequestError(status, 'bad_response', 'The server sent something unexpected');
  }
  const { routes: checked } = await schemas.catch(() => {
    throw new ApiRequestError(0, 'network', 'Network error');
  });
  const parsed = checked[name].response.safeParse(data);
  if (!parsed.success) throw new ApiRequestError(status, 'bad_response', 'The server sent something unexpected');
  return parsed.data as RouteResponse<N>;
}
