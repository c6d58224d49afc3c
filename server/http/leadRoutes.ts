/**
 * Visitor accounts, cards, consent and leads (issue #10): the visitor side (register, card, leave
 * a card, withdraw) and the booth staff's inbox (list, rate, export, live events). Organizers see
 * counts only.
 */
import crypto from 'node:crypto';
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { CARD_FIELDS, CONSENT_NOTICE_VERSION, cardInputSchema, type CardField, type ConsentNotice } from '../../shared/api/leads';
import { leadSseFrame } from '../../shared/api/leadEvents';
import { consentNoticeText } from '../../shared/consentNotice';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { hashPassword, verifyPassword } from '../auth/password';
import { endSession, startSession } from '../auth/session';
import { userView } from './authRoutes';
import { cardView, consentView, leadView } from './leadViews';
import { leadsCsv, leadsXlsx } from './leadExport';
import { openSse } from './sse';
import { meetingView } from './meetingRoutes';

export function noticeFor(
  booth: { id: string },
  ex: { id: string; name_zh: string; name_en: string; contact_email: string | null; contact_phone: string | null },
  retentionDays: number,
): ConsentNotice {
  const party = { name: { zh: ex.name_zh, en: ex.name_en }, email: ex.contact_email ?? '', phone: ex.contact_phone ?? '' };
  const text = consentNoticeText(party, retentionDays);
  return {
    version: CONSENT_NOTICE_VERSION,
    hash: crypto.createHash('sha256').update(`${text.zh}\n${text.en}`).digest('hex'),
    boothId: booth.id,
    exhibitor: { id: ex.id, ...party },
    retentionDays,
    fields: [...CARD_FIELDS],
    text,
  };
}

export function leadRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  const boothOrThrow = async (boothId: string) => {
    const r = await s.repos.booths.get(boothId);
    if (!r) throw new HttpError(404, 'not_found', 'No such booth');
    return r;
  };

  bind(router, routes.register, deps, async ({ req, res, body }) => {
    const wait = s.throttle.attempt(s.addresses.of(req), body.email);
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', `Too many attempts; try again in ${wait} s`, { 'Retry-After': String(wait) });
    const u = await s.repos.users.create({
      email: body.email,
      passwordHash: await hashPassword(body.password),
      role: 'visitor',
      exhibitorId: null,
      displayName: body.displayName,
    });
    await startSession(req, res, s.repos, u.id);
    return { user: await userView(s, { id: u.id, email: u.email, role: 'visitor', displayName: u.display_name, exhibitorId: null }) };
  });

  bind(router, routes.myCard, deps, async ({ user }) => {
    const c = await s.repos.leads.getCard(user.id);
    return { card: c ? cardView(c) : null };
  });

  bind(router, routes.saveCard, deps, async ({ user, body }) => {
    const c = await s.repos.leads.saveCard(user.id, cardInputSchema.parse(body));
    return { card: cardView(c) };
  });

  bind(router, routes.cardNotice, deps, async ({ params }) => {
    const r = await boothOrThrow(params.boothId);
    return noticeFor(r.booth, r.exhibitor, s.config.expo.leadRetentionDays);
  });

  bind(router, routes.leaveCard, deps, async ({ user, body }) => {
    const r = await boothOrThrow(body.boothId);
    const notice = noticeFor(r.booth, r.exhibitor, s.config.expo.leadRetentionDays);
    // The agreement counts only for the words the visitor read: a notice changed since (new
    // version, another exhibitor contact) must be shown and agreed to again.
    if (body.noticeVersion !== notice.version || body.noticeHash !== notice.hash)
      throw new HttpError(409, 'notice_changed', 'The notice has changed since you opened it; please read it again');
    const out = await s.repos.leads.leaveCard({
      visitorId: user.id,
      boothId: r.booth.id,
      exhibitorId: r.exhibitor.id,
      fields: body.fields as CardField[],
      noticeVersion: body.noticeVersion,
      noticeHash: body.noticeHash,
      idempotencyKey: body.idempotencyKey,
    });
    // Published after the commit, so the inbox never shows a lead that could still roll back.
    if (!out.duplicate) s.leadEvents.publish({ boothId: r.booth.id, name: 'lead', data: leadView(out.lead) });
    return { consent: consentView(out.consent), leadId: out.lead.id, duplicate: out.duplicate };
  });

  bind(router, routes.myConsents, deps, async ({ user }) => ({ consents: (await s.repos.leads.consents(user.id)).map(consentView) }));

  bind(router, routes.withdrawConsent, deps, async ({ user, params }) => {
    const removed = await s.repos.leads.withdraw(user.id, params.consentId);
    if (removed) s.leadEvents.publish({ boothId: removed.boothId, name: 'lead-removed', data: { id: removed.leadId } });
    return { consents: (await s.repos.leads.consents(user.id)).map(consentView) };
  });

  bind(router, routes.myData, deps, async ({ user }) => {
    const u = await s.repos.users.get(user.id);
    if (!u) throw new HttpError(404, 'not_found', 'No such account');
    const card = await s.repos.leads.getCard(user.id);
    const leads = await s.repos.leads.leadsOfVisitor(user.id);
    return {
      exportedAt: Date.now(),
      account: { id: u.id, email: u.email, displayName: u.display_name, createdAt: u.created_at, lastLoginAt: u.last_login_at },
      card: card ? cardView(card) : null,
      consents: (await s.repos.leads.consents(user.id)).map(consentView),
      conversations: (await s.repos.conversations.forVisitor(user.id)).map((c) => ({
        boothId: c.row.booth_id,
        exhibitorName: { zh: c.row.name_zh, en: c.row.name_en },
        messages: c.messages.map((m) => ({ from: m.from_staff ? 'staff' : 'visitor', text: m.text, at: m.created_at })),
      })),
      phone: await s.repos.phones.get(user.id).then((p) => (p ? { phone: p.phone, verifiedAt: p.verified_at } : null)),
      leads: leads.map((l) => ({
        consentId: l.consent_id,
        boothId: l.booth_id,
        fields: { name: l.name, company: l.company, title: l.title, email: l.email, phone: l.phone, wechat: l.wechat },
        createdAt: l.created_at,
      })),
      meetings: (await s.repos.meetings.forVisitor(user.id)).map(meetingView),
      agendaStars: await s.repos.agenda.stars(user.id),
      souvenirs: (await s.repos.souvenirs.forUser(user.id)).map((r) => ({ certificate: r.certificate, signature: r.signature })),
    };
  });

  bind(router, routes.deleteAccount, deps, async ({ req, res, user, body }) => {
    // the same throttle as sign-in: a stolen session cannot guess the password here either
    const wait = s.throttle.attempt(s.addresses.of(req), user.email);
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', `Too many attempts; try again in ${wait} s`, { 'Retry-After': String(wait) });
    const u = await s.repos.users.get(user.id);
    if (!u || !(await verifyPassword(body.password, u.password_hash))) {
      s.throttle.failed(user.email);
      throw new HttpError(403, 'wrong_password', 'The password is not right');
    }
    s.throttle.succeeded(user.email);
    // meetings first: the exhibitors are told, and keep a cancelled, nameless record
    for (const m of await s.repos.meetings.releaseVisitor(user.id)) s.meetingEvents.publish({ key: `booth:${m.booth_id}`, meetingId: m.id });
    const gone = await s.repos.leads.deleteVisitor(user.id);
    for (const g of gone) s.leadEvents.publish({ boothId: g.boothId, name: 'lead-removed', data: { id: g.leadId } });
    await endSession(req, res, s.repos);
    return { ok: true as const };
  });

  bind(router, routes.leads, deps, async ({ params, query }) => {
    const rows = await s.repos.leads.leads(params.boothId, { q: query.q || undefined, rating: query.rating, tag: query.tag || undefined });
    return { leads: rows.map(leadView), lastExportAt: await s.repos.leads.lastExport(params.boothId) };
  });

  bind(router, routes.updateLead, deps, async ({ params, body }) => leadView(await s.repos.leads.updateLead(params.boothId, params.leadId, body)));

  bind(router, routes.exportLeads, deps, async ({ params, query, res }) => {
    const now = Date.now();
    const since = query.newSince === '1' ? ((await s.repos.leads.lastExport(params.boothId)) ?? undefined) : undefined;
    const rows = await s.repos.leads.leads(params.boothId, { since });
    const stamp = new Date(now).toISOString().slice(0, 10);
    if (query.format === 'xlsx') {
      const buf = await leadsXlsx(rows);
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="leads-${stamp}.xlsx"`);
      res.status(200).end(buf);
    } else {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="leads-${stamp}.csv"`);
      res.status(200).end(leadsCsv(rows));
    }
    await s.repos.leads.markExported(params.boothId, now);
    return undefined;
  });

  bind(router, routes.leadEvents, deps, async ({ params, req, res }) => {
    const boothId = params.boothId;
    openSse(s, req, res, (write) => s.leadEvents.subscribe(boothId, (e) => write(leadSseFrame(e.name, e.data as never))));
  });

  bind(router, routes.leadCounts, deps, async () => ({ booths: await s.repos.leads.counts() }));
}
