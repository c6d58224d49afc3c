/**
 * The HTTP API as data: every route's method, path, who may call it, and the schemas that check
 * its parameters, query, body and answer. The server binds its handlers to these entries (so the
 * schemas that validate requests are the ones documented), the client builds URLs from them, and
 * openapi.ts turns the table into /api/openapi.json.
 */
import { z } from 'zod';
import type { UploadKind } from './uploads';
import { hallEventNames, hallEvents } from './events';
import {
  acceptInviteSchema,
  announceResultSchema,
  announceSchema,
  boothItemParamsSchema,
  boothListSchema,
  boothParamsSchema,
  boothUpdateSchema,
  boothViewSchema,
  directoryQuerySchema,
  directorySchema,
  dutySchema,
  exhibitorCreateSchema,
  exhibitorParamsSchema,
  expoViewSchema,
  hallQuerySchema,
  inviteCreateSchema,
  inviteInfoSchema,
  inviteViewSchema,
  loginSchema,
  meSchema,
  okSchema,
  organizerExhibitorListSchema,
  organizerExhibitorSchema,
  placementSchema,
  productInputSchema,
  productViewSchema,
  slotListSchema,
  slotQuerySchema,
  tokenParamsSchema,
} from './schemas';

/**
 * Who may call a route:
 * - public: anyone
 * - session: any signed-in account
 * - booth: staff of the booth named in the path, or an organizer
 * - organizer: organizers only
 */
export type Access = 'public' | 'session' | 'booth' | 'organizer';

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, parameters in braces */
  path: `/api/${string}`;
  summary: string;
  tag: 'expo' | 'auth' | 'console' | 'organizer' | 'meta';
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** multipart/form-data with one file in the field `file` */
  upload?: UploadKind;
  response: z.ZodType;
  /** success status, 200 unless said */
  status?: 200 | 201;
  /** not JSON: documented, bound by hand */
  raw?: 'text/event-stream' | 'application/json';
}

export const routes = {
  health: { method: 'get', path: '/api/health', summary: 'Liveness and live numbers', tag: 'meta', access: 'public', response: z.object({ ok: z.boolean() }).loose() },
  openapi: { method: 'get', path: '/api/openapi.json', summary: 'This document', tag: 'meta', access: 'public', response: z.object({}).loose(), raw: 'application/json' },

  expo: { method: 'get', path: '/api/expo', summary: 'The running expo and its halls', tag: 'expo', access: 'public', response: expoViewSchema },
  hallBooths: { method: 'get', path: '/api/expo/booths', summary: 'Booths placed in a hall', tag: 'expo', access: 'public', query: hallQuerySchema, response: boothListSchema },
  directory: { method: 'get', path: '/api/expo/exhibitors', summary: 'Exhibitor directory, searchable by name, industry, park and hall', tag: 'expo', access: 'public', query: directoryQuerySchema, response: directorySchema },
  events: {
    method: 'get',
    path: '/api/expo/events',
    summary: `Server-sent events for a hall: ${hallEventNames.map((n) => `\`${n}\` (${hallEvents[n].summary})`).join(', ')}; data: {boothId, at}`,
    tag: 'expo',
    access: 'public',
    query: hallQuerySchema,
    response: z.string(),
    raw: 'text/event-stream',
  },
  booth: { method: 'get', path: '/api/booths/{boothId}', summary: 'One booth', tag: 'expo', access: 'public', params: boothParamsSchema, response: boothViewSchema },

  login: { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets an httpOnly session cookie', tag: 'auth', access: 'public', body: loginSchema, response: meSchema },
  logout: { method: 'post', path: '/api/auth/logout', summary: 'Sign out', tag: 'auth', access: 'public', response: okSchema },
  me: { method: 'get', path: '/api/auth/me', summary: 'The signed-in account', tag: 'auth', access: 'session', response: meSchema },
  inviteInfo: { method: 'get', path: '/api/auth/invites/{token}', summary: 'What an invitation is for', tag: 'auth', access: 'public', params: tokenParamsSchema, response: inviteInfoSchema },
  acceptInvite: { method: 'post', path: '/api/auth/invites/accept', summary: 'Create an exhibitor staff account from an invitation', tag: 'auth', access: 'public', body: acceptInviteSchema, response: meSchema, status: 201 },

  updateBooth: { method: 'patch', path: '/api/booths/{boothId}', summary: 'Edit booth texts, colours, template, links', tag: 'console', access: 'booth', params: boothParamsSchema, body: boothUpdateSchema, response: boothViewSchema },
  uploadLogo: { method: 'put', path: '/api/booths/{boothId}/logo', summary: 'Replace the logo (PNG/JPEG/WebP ≤ 5 MB)', tag: 'console', access: 'booth', params: boothParamsSchema, upload: 'image', response: boothViewSchema },
  deleteLogo: { method: 'delete', path: '/api/booths/{boothId}/logo', summary: 'Remove the logo', tag: 'console', access: 'booth', params: boothParamsSchema, response: boothViewSchema },
  addImage: { method: 'post', path: '/api/booths/{boothId}/images', summary: 'Add a gallery image (PNG/JPEG/WebP ≤ 5 MB)', tag: 'console', access: 'booth', params: boothParamsSchema, upload: 'image', response: boothViewSchema, status: 201 },
  deleteImage: { method: 'delete', path: '/api/booths/{boothId}/images/{itemId}', summary: 'Remove a gallery image', tag: 'console', access: 'booth', params: boothItemParamsSchema, response: boothViewSchema },
  uploadVideo: { method: 'put', path: '/api/booths/{boothId}/video', summary: 'Replace the video (MP4 ≤ 50 MB)', tag: 'console', access: 'booth', params: boothParamsSchema, upload: 'video', response: boothViewSchema },
  deleteVideo: { method: 'delete', path: '/api/booths/{boothId}/video', summary: 'Remove the video', tag: 'console', access: 'booth', params: boothParamsSchema, response: boothViewSchema },
  uploadBrochure: { method: 'put', path: '/api/booths/{boothId}/brochure', summary: 'Replace the brochure (PDF ≤ 20 MB)', tag: 'console', access: 'booth', params: boothParamsSchema, upload: 'brochure', response: boothViewSchema },
  deleteBrochure: { method: 'delete', path: '/api/booths/{boothId}/brochure', summary: 'Remove the brochure', tag: 'console', access: 'booth', params: boothParamsSchema, response: boothViewSchema },
  addProduct: { method: 'post', path: '/api/booths/{boothId}/products', summary: 'Add a product', tag: 'console', access: 'booth', params: boothParamsSchema, body: productInputSchema, response: productViewSchema, status: 201 },
  updateProduct: { method: 'patch', path: '/api/booths/{boothId}/products/{itemId}', summary: 'Edit a product', tag: 'console', access: 'booth', params: boothItemParamsSchema, body: productInputSchema, response: productViewSchema },
  deleteProduct: { method: 'delete', path: '/api/booths/{boothId}/products/{itemId}', summary: 'Remove a product', tag: 'console', access: 'booth', params: boothItemParamsSchema, response: boothViewSchema },
  uploadProductImage: { method: 'put', path: '/api/booths/{boothId}/products/{itemId}/image', summary: "Replace a product's image (PNG/JPEG/WebP ≤ 5 MB)", tag: 'console', access: 'booth', params: boothItemParamsSchema, upload: 'image', response: productViewSchema },
  uploadProductModel: { method: 'put', path: '/api/booths/{boothId}/products/{itemId}/model', summary: "Replace a product's 3D model (GLB ≤ 15 MB, self-contained, valid glTF 2.0)", tag: 'console', access: 'booth', params: boothItemParamsSchema, upload: 'model', response: productViewSchema },
  deleteProductModel: { method: 'delete', path: '/api/booths/{boothId}/products/{itemId}/model', summary: "Remove a product's 3D model", tag: 'console', access: 'booth', params: boothItemParamsSchema, response: productViewSchema },
  setDuty: { method: 'put', path: '/api/booths/{boothId}/duty', summary: 'Staff on duty at the booth (renew every few minutes while on)', tag: 'console', access: 'booth', params: boothParamsSchema, body: dutySchema, response: boothViewSchema },

  organizerExhibitors: { method: 'get', path: '/api/organizer/exhibitors', summary: 'All exhibitors of the running expo', tag: 'organizer', access: 'organizer', response: organizerExhibitorListSchema },
  createExhibitor: { method: 'post', path: '/api/organizer/exhibitors', summary: 'Add an exhibitor with a booth', tag: 'organizer', access: 'organizer', body: exhibitorCreateSchema, response: organizerExhibitorSchema, status: 201 },
  deleteExhibitor: { method: 'delete', path: '/api/organizer/exhibitors/{exhibitorId}', summary: 'Remove an exhibitor, its booth, media and staff accounts', tag: 'organizer', access: 'organizer', params: exhibitorParamsSchema, response: okSchema },
  placeBooth: { method: 'put', path: '/api/organizer/booths/{boothId}/placement', summary: 'Move a booth to a hall slot (or unplace it)', tag: 'organizer', access: 'organizer', params: boothParamsSchema, body: placementSchema, response: boothViewSchema },
  createInvite: { method: 'post', path: '/api/organizer/exhibitors/{exhibitorId}/invites', summary: 'Invitation link for a staff account (valid 7 days, single use)', tag: 'organizer', access: 'organizer', params: exhibitorParamsSchema, body: inviteCreateSchema, response: inviteViewSchema, status: 201 },
  announce: { method: 'post', path: '/api/organizer/announcements', summary: 'Announce a line to every visitor of a hall (all instances, all processes)', tag: 'organizer', access: 'organizer', body: announceSchema, response: announceResultSchema },
  slots: { method: 'get', path: '/api/organizer/slots', summary: 'Booth slots of the halls and who holds them', tag: 'organizer', access: 'organizer', query: slotQuerySchema, response: slotListSchema },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;
export type RouteResponse<N extends RouteName> = z.infer<(typeof routes)[N]['response']>;

/** Fills `{name}` parameters of a route path. Values are URI-encoded. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}
