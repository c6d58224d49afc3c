/**
 * api() is typed on params, query and body from shared/api/routes.ts. The @ts-expect-error lines
 * are the test that matters: `npx tsc -p tests` fails if any of them compiles (a wrong name or
 * shape slipped through). The runtime part checks the request the typed call really makes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, routeUrl } from '../../client/src/net/api';

const answered = (body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status: 200 }));

afterEach(() => vi.unstubAllGlobals());

describe('api() types', () => {
  it('refuses wrong params, query and bodies at compile time', () => {
    // Only checked by tsc: the calls are never made.
    const neverCalled = () => {
      // @ts-expect-error a path parameter by the wrong name
      void api('booth', { params: { id: 'abc123' } });
      // @ts-expect-error a route with path parameters needs them
      void api('booth');
      // @ts-expect-error a route without path parameters takes none
      void api('expo', { params: { boothId: 'abc123' } });
      // @ts-expect-error a query field the route does not have
      void api('directory', { query: { hallId: 'gulangyu' } });
      // @ts-expect-error an enum value that is not in the schema
      void api('directory', { query: { industry: 'mining' } });
      // @ts-expect-error the body has the wrong shape
      void api('announce', { body: { hall: 'gulangyu', text: 'hi' } });
      // @ts-expect-error a body field of the wrong type
      void api('setDuty', { params: { boothId: 'abc123' }, body: { onDuty: 'yes' } });
      // @ts-expect-error a body for a route that takes none
      void api('logout', { body: { everyone: true } });
      // @ts-expect-error an upload route needs its file
      void api('uploadLogo', { params: { boothId: 'abc123' } });
      // @ts-expect-error the event stream's URL needs its hall
      void routeUrl('events', { query: {} });
    };
    expect(typeof neverCalled).toBe('function');
  });

  it('builds the URL from the route and its params and query', () => {
    expect(routeUrl('booth', { params: { boothId: 'abc123' } })).toBe('/api/booths/abc123');
    expect(routeUrl('events', { query: { hall: 'gulangyu' } })).toBe('/api/expo/events?hall=gulangyu');
    expect(routeUrl('directory', { query: { q: '', industry: 'ai' } })).toBe('/api/expo/exhibitors?industry=ai');
    expect(routeUrl('expo')).toBe('/api/expo');
  });

  it('sends the typed body as JSON with the route’s method, and checks the answer', async () => {
    const fetch = answered({ ok: true, at: 5 });
    vi.stubGlobal('fetch', fetch);
    await expect(api('announce', { body: { hallId: 'gulangyu', text: '闭馆' } })).resolves.toEqual({ ok: true, at: 5 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/organizer/announcements');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ hallId: 'gulangyu', text: '闭馆' });

    vi.stubGlobal('fetch', answered({ ok: 'maybe' }));
    await expect(api('announce', { body: { hallId: 'gulangyu', text: 'x' } })).rejects.toMatchObject({ code: 'bad_response' });
  });
});
