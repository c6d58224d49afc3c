/**
 * The HTTP API as data: every route's method, path, who may call it, and the schemas that check
 * its parameters, query, body and answer. The server binds its handlers to these entries (so the
 * schemas that validate requests are the ones documented), the client builds URLs from them, and
 * openapi.ts turns the table into /api/openapi.json.
 */
import { z } from 'zod';
import type { UploadKind } from './uploads';
import { endpoints } from './endpoints';
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
import {
  cardInputSchema,
  cardResultSchema,
  consentListSchema,
  consentNoticeSchema,
  consentParamsSchema,
  deleteAccountSchema,
  expoEndSchema,
  myDataSchema,
  phoneCodeRequestSchema,
  phoneStateSchema,
  phoneVerifySchema,
  leadExportQuerySchema,
  leadListSchema,
  leadParamsSchema,
  leadQuerySchema,
  leadUpdateSchema,
  leadViewSchema,
  leaveCardResultSchema,
  leaveCardSchema,
  registerSchema,
} from './leads';
import {
  askStaffSchema,
  boothConversationParamsSchema,
  conversationListSchema,
  conversationParamsSchema,
  conversationViewSchema,
  replySchema,
} from './conversations';

/**
 * Who may call a route:
 * - public: anyone
 * - session: any signed-in account
 * - booth: staff of the booth named in the path, or an organizer
 * - organizer: organizers only
 * - staff: staff of the booth named in the path only; organizers are refused (visitors' cards are
 *   the exhibitor's, not the organizer's)
 * - visitor: a signed-in visitor account
 */
export type Access = 'public' | 'session' | 'booth' | 'organizer' | 'staff' | 'visitor';

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, parameters in braces */
  path: `/api/${string}`;
  summary: string;
  tag: 'expo' | 'auth' | 'visitor' | 'console' | 'organizer' | 'meta';
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
  raw?: 'text/event-stream' | 'application/json' | 'file';
}

export const routes = {
  health: { ...endpoints.health, summary: 'Liveness and live numbers', tag: 'meta', access: 'public', response: z.object({ ok: z.boolean() }).loose() },
  openapi: { ...endpoints.openapi, summary: 'This document', tag: 'meta', access: 'public', response: z.object({}).loose(), raw: 'application/json' },

  expo: { ...endpoints.expo, summary: 'The running expo and its halls', tag: 'expo', access: 'public', response: expoViewSchema },
  hallBooths: { ...endpoints.hallBooths, summary: 'Booths placed in a hall', tag: 'expo', access: 'public', query: hallQuerySchema, response: boothListSchema },
  directory: {
    ...endpoints.directory,
    summary: 'Exhibitor directory, searchable by name, industry, park and hall',
    tag: 'expo',
    access: 'public',
    query: directoryQuerySchema,
    response: directorySchema,
  },
  events: {
    ...endpoints.events,
    summary: `Server-sent events for a hall: ${hallEventNames.map((n) => `\`${n}\` (${hallEvents[n].summary})`).join(', ')}; data: {boothId, at}`,
    tag: 'expo',
    access: 'public',
    query: hallQuerySchema,
    response: z.string(),
    raw: 'text/event-stream',
  },
  booth: { ...endpoints.booth, summary: 'One booth', tag: 'expo', access: 'public', params: boothParamsSchema, response: boothViewSchema },

  login: { ...endpoints.login, summary: 'Sign in; sets an httpOnly session cookie', tag: 'auth', access: 'public', body: loginSchema, response: meSchema },
  logout: { ...endpoints.logout, summary: 'Sign out', tag: 'auth', access: 'public', response: okSchema },
  me: { ...endpoints.me, summary: 'The signed-in account', tag: 'auth', access: 'session', response: meSchema },
  inviteInfo: {
    ...endpoints.inviteInfo,
    summary: 'What an invitation is for',
    tag: 'auth',
    access: 'public',
    params: tokenParamsSchema,
    response: inviteInfoSchema,
  },
  acceptInvite: {
    ...endpoints.acceptInvite,
    summary: 'Create an exhibitor staff account from an invitation',
    tag: 'auth',
    access: 'public',
    body: acceptInviteSchema,
    response: meSchema,
    status: 201,
  },

  register: {
    ...endpoints.register,
    summary: 'Create a visitor account (to leave cards, book meetings, collect stamps); signs in',
    tag: 'auth',
    access: 'public',
    body: registerSchema,
    response: meSchema,
    status: 201,
  },
  myCard: { ...endpoints.myCard, summary: "The visitor's business card", tag: 'visitor', access: 'visitor', response: cardResultSchema },
  saveCard: {
    ...endpoints.saveCard,
    summary: "Create or replace the visitor's card",
    tag: 'visitor',
    access: 'visitor',
    body: cardInputSchema,
    response: cardResultSchema,
  },
  myConsents: { ...endpoints.myConsents, summary: 'Every card consent the visitor gave', tag: 'visitor', access: 'visitor', response: consentListSchema },
  leaveCard: {
    ...endpoints.leaveCard,
    summary: 'Agree to the notice and leave the card at a booth (idempotent by key)',
    tag: 'visitor',
    access: 'visitor',
    body: leaveCardSchema,
    response: leaveCardResultSchema,
    status: 201,
  },
  withdrawConsent: {
    ...endpoints.withdrawConsent,
    summary: "Withdraw a consent: the lead leaves the exhibitor's inbox and exports",
    tag: 'visitor',
    access: 'visitor',
    params: consentParamsSchema,
    response: consentListSchema,
  },
  phoneCode: {
    ...endpoints.phoneCode,
    summary: 'Send a 6-digit code to this phone by SMS (503 when no SMS provider is configured)',
    tag: 'visitor',
    access: 'visitor',
    body: phoneCodeRequestSchema,
    response: phoneStateSchema,
  },
  phoneVerify: {
    ...endpoints.phoneVerify,
    summary: 'Verify the phone with the code sent',
    tag: 'visitor',
    access: 'visitor',
    body: phoneVerifySchema,
    response: phoneStateSchema,
  },
  myData: {
    ...endpoints.myData,
    summary: 'Everything held about the visitor, as JSON (privacy centre)',
    tag: 'visitor',
    access: 'visitor',
    response: myDataSchema,
  },
  deleteAccount: {
    ...endpoints.deleteAccount,
    summary: "Delete the visitor account and everything it holds; its leads leave the exhibitors' inboxes",
    tag: 'visitor',
    access: 'visitor',
    body: deleteAccountSchema,
    response: okSchema,
  },
  askStaff: {
    ...endpoints.askStaff,
    summary: "Ask a booth's staff: a private conversation, made on the first question",
    tag: 'visitor',
    access: 'visitor',
    body: askStaffSchema,
    response: conversationViewSchema,
    status: 201,
  },
  myConversations: {
    ...endpoints.myConversations,
    summary: "The visitor's conversations with booths",
    tag: 'visitor',
    access: 'visitor',
    response: conversationListSchema,
  },
  visitorReply: {
    ...endpoints.visitorReply,
    summary: 'Write in a conversation',
    tag: 'visitor',
    access: 'visitor',
    params: conversationParamsSchema,
    body: replySchema,
    response: conversationViewSchema,
    status: 201,
  },
  visitorRead: {
    ...endpoints.visitorRead,
    summary: 'Mark a conversation read',
    tag: 'visitor',
    access: 'visitor',
    params: conversationParamsSchema,
    response: conversationViewSchema,
  },
  myEvents: {
    ...endpoints.myEvents,
    summary: "Server-sent events for the visitor: conversation (a booth's staff answered)",
    tag: 'visitor',
    access: 'visitor',
    response: z.string(),
    raw: 'text/event-stream',
  },
  boothConversations: {
    ...endpoints.boothConversations,
    summary: "The booth's inbox: every visitor conversation, with unread counts",
    tag: 'console',
    access: 'staff',
    params: boothParamsSchema,
    response: conversationListSchema,
  },
  staffReply: {
    ...endpoints.staffReply,
    summary: 'Answer a visitor',
    tag: 'console',
    access: 'staff',
    params: boothConversationParamsSchema,
    body: replySchema,
    response: conversationViewSchema,
    status: 201,
  },
  staffRead: {
    ...endpoints.staffRead,
    summary: 'Mark a conversation read by the booth',
    tag: 'console',
    access: 'staff',
    params: boothConversationParamsSchema,
    response: conversationViewSchema,
  },
  boothInboxEvents: {
    ...endpoints.boothInboxEvents,
    summary: 'Server-sent events of the booth inbox: conversation (a visitor wrote)',
    tag: 'console',
    access: 'staff',
    params: boothParamsSchema,
    response: z.string(),
    raw: 'text/event-stream',
  },
  cardNotice: {
    ...endpoints.cardNotice,
    summary: 'The consent notice shown before a card is left at this booth',
    tag: 'expo',
    access: 'public',
    params: boothParamsSchema,
    response: consentNoticeSchema,
  },
  leads: {
    ...endpoints.leads,
    summary: "The booth's leads (consented fields only), newest first",
    tag: 'console',
    access: 'staff',
    params: boothParamsSchema,
    query: leadQuerySchema,
    response: leadListSchema,
  },
  updateLead: {
    ...endpoints.updateLead,
    summary: 'Rate, tag or annotate a lead',
    tag: 'console',
    access: 'staff',
    params: leadParamsSchema,
    body: leadUpdateSchema,
    response: leadViewSchema,
  },
  exportLeads: {
    ...endpoints.exportLeads,
    summary: 'Export consented fields as CSV (UTF-8 with BOM) or XLSX',
    tag: 'console',
    access: 'staff',
    params: boothParamsSchema,
    query: leadExportQuerySchema,
    response: z.string(),
    raw: 'file',
  },
  leadEvents: {
    ...endpoints.leadEvents,
    summary: 'Server-sent events: lead (a new card), lead-removed (withdrawn or deleted)',
    tag: 'console',
    access: 'staff',
    params: boothParamsSchema,
    response: z.string(),
    raw: 'text/event-stream',
  },

  updateBooth: {
    ...endpoints.updateBooth,
    summary: 'Edit booth texts, colours, template, links',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    body: boothUpdateSchema,
    response: boothViewSchema,
  },
  uploadLogo: {
    ...endpoints.uploadLogo,
    summary: 'Replace the logo (PNG/JPEG/WebP ≤ 5 MB)',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    upload: 'image',
    response: boothViewSchema,
  },
  deleteLogo: { ...endpoints.deleteLogo, summary: 'Remove the logo', tag: 'console', access: 'booth', params: boothParamsSchema, response: boothViewSchema },
  addImage: {
    ...endpoints.addImage,
    summary: 'Add a gallery image (PNG/JPEG/WebP ≤ 5 MB)',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    upload: 'image',
    response: boothViewSchema,
    status: 201,
  },
  deleteImage: {
    ...endpoints.deleteImage,
    summary: 'Remove a gallery image',
    tag: 'console',
    access: 'booth',
    params: boothItemParamsSchema,
    response: boothViewSchema,
  },
  uploadVideo: {
    ...endpoints.uploadVideo,
    summary: 'Replace the video (MP4 ≤ 50 MB)',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    upload: 'video',
    response: boothViewSchema,
  },
  deleteVideo: { ...endpoints.deleteVideo, summary: 'Remove the video', tag: 'console', access: 'booth', params: boothParamsSchema, response: boothViewSchema },
  uploadBrochure: {
    ...endpoints.uploadBrochure,
    summary: 'Replace the brochure (PDF ≤ 20 MB)',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    upload: 'brochure',
    response: boothViewSchema,
  },
  deleteBrochure: {
    ...endpoints.deleteBrochure,
    summary: 'Remove the brochure',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    response: boothViewSchema,
  },
  addProduct: {
    ...endpoints.addProduct,
    summary: 'Add a product',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    body: productInputSchema,
    response: productViewSchema,
    status: 201,
  },
  updateProduct: {
    ...endpoints.updateProduct,
    summary: 'Edit a product',
    tag: 'console',
    access: 'booth',
    params: boothItemParamsSchema,
    body: productInputSchema,
    response: productViewSchema,
  },
  deleteProduct: {
    ...endpoints.deleteProduct,
    summary: 'Remove a product',
    tag: 'console',
    access: 'booth',
    params: boothItemParamsSchema,
    response: boothViewSchema,
  },
  uploadProductImage: {
    ...endpoints.uploadProductImage,
    summary: "Replace a product's image (PNG/JPEG/WebP ≤ 5 MB)",
    tag: 'console',
    access: 'booth',
    params: boothItemParamsSchema,
    upload: 'image',
    response: productViewSchema,
  },
  uploadProductModel: {
    ...endpoints.uploadProductModel,
    summary: "Replace a product's 3D model (GLB ≤ 15 MB, self-contained, valid glTF 2.0)",
    tag: 'console',
    access: 'booth',
    params: boothItemParamsSchema,
    upload: 'model',
    response: productViewSchema,
  },
  deleteProductModel: {
    ...endpoints.deleteProductModel,
    summary: "Remove a product's 3D model",
    tag: 'console',
    access: 'booth',
    params: boothItemParamsSchema,
    response: productViewSchema,
  },
  setDuty: {
    ...endpoints.setDuty,
    summary: 'Staff on duty at the booth (renew every few minutes while on)',
    tag: 'console',
    access: 'booth',
    params: boothParamsSchema,
    body: dutySchema,
    response: boothViewSchema,
  },

  organizerExhibitors: {
    ...endpoints.organizerExhibitors,
    summary: 'All exhibitors of the running expo',
    tag: 'organizer',
    access: 'organizer',
    response: organizerExhibitorListSchema,
  },
  createExhibitor: {
    ...endpoints.createExhibitor,
    summary: 'Add an exhibitor with a booth',
    tag: 'organizer',
    access: 'organizer',
    body: exhibitorCreateSchema,
    response: organizerExhibitorSchema,
    status: 201,
  },
  deleteExhibitor: {
    ...endpoints.deleteExhibitor,
    summary: 'Remove an exhibitor, its booth, media and staff accounts',
    tag: 'organizer',
    access: 'organizer',
    params: exhibitorParamsSchema,
    response: okSchema,
  },
  placeBooth: {
    ...endpoints.placeBooth,
    summary: 'Move a booth to a hall slot (or unplace it)',
    tag: 'organizer',
    access: 'organizer',
    params: boothParamsSchema,
    body: placementSchema,
    response: boothViewSchema,
  },
  createInvite: {
    ...endpoints.createInvite,
    summary: 'Invitation link for a staff account (valid 7 days, single use)',
    tag: 'organizer',
    access: 'organizer',
    params: exhibitorParamsSchema,
    body: inviteCreateSchema,
    response: inviteViewSchema,
    status: 201,
  },
  announce: {
    ...endpoints.announce,
    summary: 'Announce a line to every visitor of a hall (all instances, all processes)',
    tag: 'organizer',
    access: 'organizer',
    body: announceSchema,
    response: announceResultSchema,
  },
  expoEnd: {
    ...endpoints.expoEnd,
    summary: 'Set when the running expo ends; its leads are deleted LEAD_RETENTION_DAYS later',
    tag: 'organizer',
    access: 'organizer',
    body: expoEndSchema,
    response: expoEndSchema,
  },
  leadCounts: {
    ...endpoints.leadCounts,
    summary: 'How many live leads each booth has (counts only, no cards)',
    tag: 'organizer',
    access: 'organizer',
    response: z.object({ booths: z.array(z.object({ boothId: z.string(), leads: z.number().int() })) }),
  },
  slots: {
    ...endpoints.slots,
    summary: 'Booth slots of the halls and who holds them',
    tag: 'organizer',
    access: 'organizer',
    query: slotQuerySchema,
    response: slotListSchema,
  },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;
export type RouteResponse<N extends RouteName> = z.infer<(typeof routes)[N]['response']>;

export { routePath } from './endpoints';
