/**
 * Demo content for an empty database: the Xiamen Metaverse Expo with fictional exhibitors in both
 * halls, their logos, screens, product pictures, brochures and a few 3D product models — all drawn
 * by code here, nothing downloaded. One demo staff account per company, with a documented password.
 */
import sharp from 'sharp';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';
import { HALL_IDS, getLayout, type HallId } from '../../shared/halls';
import type { Repositories } from '../db/repositories';
import type { ExpoRecord } from '../db/repositories/expos';
import type { MediaStore } from '../uploads/storage';
import { hashPassword } from '../auth/password';
import { logoSvg, productSvg, screenSvg } from './art';
import { brochurePdf } from './pdf';
import { productModel } from './models';
import { DEMO_COMPANIES, DEMO_EXPO, type DemoCompany } from './companies';
import { seedDemoAgenda } from '../agenda/seed';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

async function svgToWebp(svg: string, width: number): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).resize({ width }).webp({ quality: 84 }).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Free slots per hall, in layout order, given what is taken. */
function freeSlots(hallId: HallId, taken: Set<string>): string[] {
  return getLayout(hallId)
    .boothSlots.map((s) => s.id)
    .filter((id) => !taken.has(`${hallId}/${id}`));
}

export interface SeedOptions {
  repos: Repositories;
  store: MediaStore;
  log: Log;
  /** how many companies (tests use fewer); all by default */
  companies?: number;
  /** skip the demo accounts' password hashing (tests) */
  accounts?: boolean;
  /** skip images, brochures and models (tests that only need rows) */
  media?: boolean;
}

/** Seeds the demo expo if the database has no expo yet. Returns the expo, or null when it did nothing. */
export async function seedDemoIfEmpty(opts: SeedOptions): Promise<ExpoRecord | null> {
  const { repos, log } = opts;
  if ((await repos.expos.count()) > 0) return null;
  const started = Date.now();
  const expo = await repos.expos.create({ slug: DEMO_EXPO.slug, name: { ...DEMO_EXPO.name }, isDemo: true, active: true, halls: [...HALL_IDS] });
  const taken = new Set<string>();
  const companies = DEMO_COMPANIES.slice(0, opts.companies ?? DEMO_COMPANIES.length);
  const passwordHash = opts.accounts === false ? null : await hashPassword(DEMO_PASSWORD);
  let models = 0;
  let unplaced = 0;

  for (const [i, c] of companies.entries()) {
    const slotId = freeSlots(c.hall, taken)[0] ?? null;
    if (slotId) taken.add(`${c.hall}/${slotId}`);
    else unplaced++;
    const { exhibitorId, boothId } = await repos.exhibitors.create({
      expoId: expo.id,
      name: { zh: c.name[0], en: c.name[1] },
      description: { zh: c.description[0], en: c.description[1] },
      industry: c.industry,
      park: c.park,
      website: `https://www.${c.key}.example/`,
      contact: { email: `hello@${c.key}.example`, phone: `+86 592 555 ${String(100 + i).padStart(4, '0')}` },
      hallId: c.hall,
      slotId,
      template: c.template,
      colors: { primary: c.colors[0], accent: c.colors[1] },
      title: { zh: c.title[0], en: c.title[1] },
    });
    if (opts.media !== false) models += await seedMedia(opts, c, exhibitorId, boothId, i);
    else
      for (const p of c.products)
        await repos.booths.addProduct(boothId, { name: { zh: p.name[0], en: p.name[1] }, description: { zh: p.description[0], en: p.description[1] } });
    if (passwordHash) {
      // The demo accounts share one hash of the one published password: hashing it 24 times would
      // only add seconds to the first start.
      await repos.users.create({ email: demoEmail(c.key), passwordHash, role: 'exhibitor', exhibitorId, displayName: `${c.name[0]} 展台值守` });
    }
  }
  // the programme of both halls for today and tomorrow (issue #11)
  await seedDemoAgenda({ repos, store: opts.store, log, media: opts.media }, expo);

  log.info(
    { expo: expo.name.en, exhibitors: companies.length, models, unplaced, ms: Date.now() - started },
    `Seeded the demo expo "${expo.name.zh} / ${expo.name.en}"`,
  );
  if (passwordHash) {
    log.info(
      { accounts: companies.map((c) => demoEmail(c.key)).slice(0, 3), password: DEMO_PASSWORD },
      `Demo exhibitor accounts: <company-key>@demo.ludao.example (e.g. ${demoEmail(companies[0]?.key ?? 'egret-vision')}), password "${DEMO_PASSWORD}" — demo expo only`,
    );
  }
  return expo;
}

async function seedMedia(opts: SeedOptions, c: DemoCompany, exhibitorId: string, boothId: string, i: number): Promise<number> {
  const { repos, store } = opts;
  const [primary, accent] = c.colors;
  const put = async (kind: 'logo' | 'image' | 'product_image', img: { data: Buffer; width: number; height: number }) => ({
    exhibitorId,
    kind,
    file: await store.put(img.data, 'webp'),
    mime: 'image/webp',
    bytes: img.data.length,
    width: img.width,
    height: img.height,
  });

  await repos.booths.setMedia(boothId, 'logo', await put('logo', await svgToWebp(logoSvg(c.initials, primary, accent, c.motif), 256)));
  await repos.booths.addImage(boothId, await put('image', await svgToWebp(screenSvg(primary, accent, c.motif, i * 7919 + 13), 960)));

  const pdf = brochurePdf(
    c.name[1],
    [c.title[1], '', ...wrap(c.description[1], 80), '', ...c.products.map((p) => `- ${p.name[1]}: ${p.description[1]}`)],
    primary,
  );
  await repos.booths.setMedia(boothId, 'brochure', {
    exhibitorId,
    kind: 'brochure',
    file: await store.put(pdf, 'pdf'),
    mime: 'application/pdf',
    bytes: pdf.length,
    displayName: `${c.key}-brochure.pdf`,
  });

  let models = 0;
  for (const p of c.products) {
    const { productId } = await repos.booths.addProduct(boothId, {
      name: { zh: p.name[0], en: p.name[1] },
      description: { zh: p.description[0], en: p.description[1] },
    });
    await repos.booths.setProductMedia(boothId, productId, 'image', await put('product_image', await svgToWebp(productSvg(p.picture, primary, accent), 512)));
    if (p.model) {
      const glb = productModel(p.model, primary, accent);
      await repos.booths.setProductMedia(boothId, productId, 'model', {
        exhibitorId,
        kind: 'model',
        file: await store.put(glb, 'glb'),
        mime: 'model/gltf-binary',
        bytes: glb.length,
      });
      models++;
    }
  }
  return models;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let lineText = '';
  for (const word of text.split(' ')) {
    if ((lineText + ' ' + word).trim().length > width) {
      out.push(lineText);
      lineText = word;
    } else lineText = (lineText + ' ' + word).trim();
  }
  if (lineText) out.push(lineText);
  return out;
}

/**
 * Keeps booths on slots that exist: a hall layout may have changed since the booths were placed.
 * Booths on vanished slots are unplaced; in the demo expo, unplaced booths take free slots of their hall.
 */
export async function reconcileBooths(repos: Repositories, expo: ExpoRecord, log: Log): Promise<void> {
  const valid: Record<string, Set<string>> = {};
  for (const h of HALL_IDS) valid[h] = new Set(getLayout(h).boothSlots.map((s) => s.id));
  const { unplaced, moved } = await repos.booths.reconcileSlots(expo.id, valid);
  if (moved.length) log.warn({ booths: moved.length }, 'Booths on slots that no longer exist were unplaced');
  if (!expo.isDemo || unplaced.length === 0) return;
  const taken = new Set((await repos.booths.occupiedSlots(expo.id)).map((o) => `${o.hall_id}/${o.slot_id}`));
  let placed = 0;
  for (const b of unplaced) {
    // A booth stays in its own hall: it waits there until the layout has a free slot for it.
    const h = b.hall_id as HallId;
    if (!(HALL_IDS as readonly string[]).includes(h)) continue;
    const slot = freeSlots(h, taken)[0];
    if (!slot) continue;
    taken.add(`${h}/${slot}`);
    await repos.booths.place(b.id, h, slot);
    placed++;
  }
  if (placed) log.info({ placed, left: unplaced.length - placed }, 'Placed demo booths in free slots');
}
