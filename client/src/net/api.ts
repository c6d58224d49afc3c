/**
 * Typed calls to the HTTP API, built from the shared route table: the URL, the method and the
 * answer's schema all come from shared/api/routes.ts, so client and server cannot drift apart.
 */
import { routes, routePath, type RouteName, type RouteResponse } from '../../../shared/api/routes';
import { UPLOAD_FIELD } from '../../../shared/api/uploads';
import type { ApiError } from '../../../shared/api/common';

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

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** a file for upload routes */
  file?: Blob & { name?: string };
  signal?: AbortSignal;
  /** upload progress 0..1 (uses XMLHttpRequest) */
  onProgress?: (fraction: number) => void;
}

export function routeUrl(name: RouteName, opts: Pick<CallOptions, 'params' | 'query'> = {}): string {
  let url = routePath(routes[name].path, opts.params);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== '') q.set(k, v);
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

function xhrUpload(method: string, url: string, form: FormData, onProgress: (f: number) => void, signal?: AbortSignal): Promise<{ status: number; text: string }> {
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

export async function api<N extends RouteName>(name: N, opts: CallOptions = {}): Promise<RouteResponse<N>> {
  const def = routes[name];
  const url = routeUrl(name, opts);
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
  const parsed = def.response.safeParse(data);
  if (!parsed.success) throw new ApiRequestError(status, 'bad_response', 'The server sent something unexpected');
  return parsed.data as RouteResponse<N>;
}
