/**
 * The words of the card consent notice (PIPL Art. 17: who receives it, why, which fields, how long),
 * zod-free so the hall bundle can show exactly what the server hashes and records.
 */
export interface NoticeParty {
  name: { zh: string; en: string };
  email: string;
  phone: string;
}

export function consentNoticeText(exhibitor: NoticeParty, retentionDays: number): { zh: string; en: string } {
  const zhContact = [exhibitor.email, exhibitor.phone].filter(Boolean).join('，') || '展位页面所列联系方式';
  const enContact = [exhibitor.email, exhibitor.phone].filter(Boolean).join(', ') || 'the contacts on its booth page';
  return {
    zh:
      `接收方：${exhibitor.name.zh}（联系方式：${zhContact}）。` +
      `目的：就您在本展会中感兴趣的产品与服务与您联系。` +
      `提供的信息：您的姓名，以及您勾选的字段。` +
      `保存期限：展会结束后 ${retentionDays} 天，届时自动删除。` +
      `您可随时在“隐私中心”撤回同意，撤回后对方将无法再看到或导出您的名片。`,
    en:
      `Receiver: ${exhibitor.name.en} (contact: ${enContact}). ` +
      `Purpose: to contact you about the products and services you showed interest in at this expo. ` +
      `Shared: your name and the fields you tick. ` +
      `Kept: until ${retentionDays} days after the expo ends, then deleted automatically. ` +
      `You can withdraw at any time in the Privacy centre; the exhibitor then can no longer see or export your card.`,
  };
}
