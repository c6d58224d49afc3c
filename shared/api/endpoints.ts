/**
 * Each route's method and path, without its schemas: what the client needs to build a request.
 * routes.ts spreads these into the full table (schemas, access, docs), so this is the one place a
 * path is written; the visitor's bundle imports this and no zod.
 */
export const endpoints = {
  health: { method: 'get', path: '/api/health' },
  openapi: { method: 'get', path: '/api/openapi.json' },
  expo: { method: 'get', path: '/api/expo' },
  hallBooths: { method: 'get', path: '/api/expo/booths' },
  directory: { method: 'get', path: '/api/expo/exhibitors' },
  events: { method: 'get', path: '/api/expo/events' },
  booth: { method: 'get', path: '/api/booths/{boothId}' },
  login: { method: 'post', path: '/api/auth/login' },
  logout: { method: 'post', path: '/api/auth/logout' },
  me: { method: 'get', path: '/api/auth/me' },
  inviteInfo: { method: 'get', path: '/api/auth/invites/{token}' },
  acceptInvite: { method: 'post', path: '/api/auth/invites/accept' },
  register: { method: 'post', path: '/api/auth/register' },
  myCard: { method: 'get', path: '/api/me/card' },
  saveCard: { method: 'put', path: '/api/me/card' },
  myConsents: { method: 'get', path: '/api/me/consents' },
  leaveCard: { method: 'post', path: '/api/me/consents' },
  withdrawConsent: { method: 'delete', path: '/api/me/consents/{consentId}' },
  phoneCode: { method: 'post', path: '/api/me/phone/code' },
  phoneVerify: { method: 'post', path: '/api/me/phone/verify' },
  myData: { method: 'get', path: '/api/me/data' },
  deleteAccount: { method: 'post', path: '/api/me/delete' },
  askStaff: { method: 'post', path: '/api/me/conversations' },
  myConversations: { method: 'get', path: '/api/me/conversations' },
  visitorReply: { method: 'post', path: '/api/me/conversations/{conversationId}/messages' },
  visitorRead: { method: 'post', path: '/api/me/conversations/{conversationId}/read' },
  myEvents: { method: 'get', path: '/api/me/events' },
  boothConversations: { method: 'get', path: '/api/booths/{boothId}/conversations' },
  staffReply: { method: 'post', path: '/api/booths/{boothId}/conversations/{conversationId}/messages' },
  staffRead: { method: 'post', path: '/api/booths/{boothId}/conversations/{conversationId}/read' },
  boothInboxEvents: { method: 'get', path: '/api/booths/{boothId}/conversations/events' },
  cardNotice: { method: 'get', path: '/api/booths/{boothId}/card-notice' },
  leads: { method: 'get', path: '/api/booths/{boothId}/leads' },
  updateLead: { method: 'patch', path: '/api/booths/{boothId}/leads/{leadId}' },
  exportLeads: { method: 'get', path: '/api/booths/{boothId}/leads/export' },
  leadEvents: { method: 'get', path: '/api/booths/{boothId}/leads/events' },
  expoEnd: { method: 'put', path: '/api/organizer/expo/end' },
  leadCounts: { method: 'get', path: '/api/organizer/leads/counts' },
  updateBooth: { method: 'patch', path: '/api/booths/{boothId}' },
  uploadLogo: { method: 'put', path: '/api/booths/{boothId}/logo' },
  deleteLogo: { method: 'delete', path: '/api/booths/{boothId}/logo' },
  addImage: { method: 'post', path: '/api/booths/{boothId}/images' },
  deleteImage: { method: 'delete', path: '/api/booths/{boothId}/images/{itemId}' },
  uploadVideo: { method: 'put', path: '/api/booths/{boothId}/video' },
  deleteVideo: { method: 'delete', path: '/api/booths/{boothId}/video' },
  uploadBrochure: { method: 'put', path: '/api/booths/{boothId}/brochure' },
  deleteBrochure: { method: 'delete', path: '/api/booths/{boothId}/brochure' },
  addProduct: { method: 'post', path: '/api/booths/{boothId}/products' },
  updateProduct: { method: 'patch', path: '/api/booths/{boothId}/products/{itemId}' },
  deleteProduct: { method: 'delete', path: '/api/booths/{boothId}/products/{itemId}' },
  uploadProductImage: { method: 'put', path: '/api/booths/{boothId}/products/{itemId}/image' },
  uploadProductModel: { method: 'put', path: '/api/booths/{boothId}/products/{itemId}/model' },
  deleteProductModel: { method: 'delete', path: '/api/booths/{boothId}/products/{itemId}/model' },
  setDuty: { method: 'put', path: '/api/booths/{boothId}/duty' },
  organizerExhibitors: { method: 'get', path: '/api/organizer/exhibitors' },
  createExhibitor: { method: 'post', path: '/api/organizer/exhibitors' },
  deleteExhibitor: { method: 'delete', path: '/api/organizer/exhibitors/{exhibitorId}' },
  placeBooth: { method: 'put', path: '/api/organizer/booths/{boothId}/placement' },
  createInvite: { method: 'post', path: '/api/organizer/exhibitors/{exhibitorId}/invites' },
  announce: { method: 'post', path: '/api/organizer/announcements' },
  slots: { method: 'get', path: '/api/organizer/slots' },
} as const satisfies Record<string, { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: `/api/${string}` }>;

/** Fills `{name}` parameters of a route path. Values are URI-encoded. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}
