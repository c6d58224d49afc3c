/**
 * Souvenir certificates over HTTP (issue #12 item 6). A completed stamp set gives a visitor account
 * a certificate signed by the expo's Ed25519 key and appended to a hash-chained ledger. Anyone can
 * check one: the public keys (retired ones too) and the ledger (hashes and ids only) are published,
 * `/verify/<id>` shows whether a certificate is genuine and unaltered, and a downloaded certificate
 * can be checked against them (here, or offline with `npx tsx server/cli.ts verify-certificate`).
 * Free and bound to its holder: there is no transfer, sale, price or market anywhere.
 */
import { z } from 'zod';
import { endpoints } from './endpoints';
import type { RouteDef } from './routes';

export const SOUVENIR_ID_PATTERN = /^[a-z0-9]{20}$/;

/** The stamp sets a souvenir is issued for, with the names printed on it (more come with the stamps). */
export const SOUVENIR_SETS: Record<string, { zh: string; en: string }> = {
  'gulangyu-landmarks': { zh: '鼓浪屿地标全集', en: 'All the landmarks of Gulangyu' },
  'shapowei-landmarks': { zh: '沙坡尾地标全集', en: 'All the landmarks of Shapowei' },
};

export const certificateSchema = z.strictObject({
  v: z.literal(1),
  id: z.string().regex(SOUVENIR_ID_PATTERN),
  expo: z.string().min(1).max(120),
  set: z.string().regex(/^[a-z0-9-]{1,48}$/),
  name: z.string().min(1).max(80),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  design: z.string().regex(/^[a-z0-9-]{1,48}$/),
  serial: z.number().int().min(1),
  key: z.string().regex(/^k\d{1,6}$/),
});

export const signedCertificateSchema = z.strictObject({
  certificate: certificateSchema,
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

export const souvenirKeySchema = z.strictObject({
  id: z.string(),
  /** raw Ed25519 public key, base64url */
  publicKey: z.string(),
  algorithm: z.literal('Ed25519'),
  createdAt: z.number(),
  retiredAt: z.number().nullable(),
});
export const souvenirKeysSchema = z.strictObject({ keys: z.array(souvenirKeySchema) });

export const ledgerEntrySchema = z.strictObject({
  seq: z.number().int(),
  souvenirId: z.string(),
  certificateHash: z.string(),
  signatureHash: z.string(),
  keyId: z.string(),
  issuedAt: z.number(),
  prevHash: z.string(),
  entryHash: z.string(),
});
export const ledgerPageSchema = z.strictObject({ entries: z.array(ledgerEntrySchema), next: z.number().int().nullable() });
export const ledgerQuerySchema = z.strictObject({ after: z.coerce.number().int().min(0).default(0) });

/**
 * What a check found:
 * - genuine: signed by the expo's key, unaltered, and in the ledger
 * - altered: a certificate or signature that does not match what was issued
 * - withdrawn: issued (the ledger has it) but its holder has since deleted their account
 * - unknown: no such certificate was ever issued
 */
export const VERIFY_STATUSES = ['genuine', 'altered', 'withdrawn', 'unknown'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export const verifyResultSchema = z.strictObject({
  status: z.enum(VERIFY_STATUSES),
  /** as issued (genuine), or as sent (altered); null when there is nothing to show */
  certificate: certificateSchema.nullable(),
  signature: z.string().nullable(),
  key: souvenirKeySchema.nullable(),
  ledger: ledgerEntrySchema.nullable(),
});

export const souvenirParamsSchema = z.strictObject({ souvenirId: z.string().regex(SOUVENIR_ID_PATTERN) });
export const mySouvenirsSchema = z.strictObject({ souvenirs: z.array(signedCertificateSchema) });

export type SouvenirCertificateView = z.infer<typeof certificateSchema>;
export type SignedCertificateView = z.infer<typeof signedCertificateSchema>;
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const souvenirRouteDefs = {
  souvenirKeys: {
    ...endpoints.souvenirKeys,
    summary: "The expo's souvenir signing keys, retired ones included (Ed25519, raw base64url)",
    tag: 'expo',
    access: 'public',
    response: souvenirKeysSchema,
  },
  souvenirLedger: {
    ...endpoints.souvenirLedger,
    summary: 'The souvenir ledger in order, 1000 entries a page: hashes and ids only, each carrying the hash of the one before',
    tag: 'expo',
    access: 'public',
    query: ledgerQuerySchema,
    response: ledgerPageSchema,
  },
  verifySouvenir: {
    ...endpoints.verifySouvenir,
    summary: 'Whether the certificate with this id is genuine and unaltered (the /verify page)',
    tag: 'expo',
    access: 'public',
    params: souvenirParamsSchema,
    response: verifyResultSchema,
  },
  verifySouvenirDocument: {
    ...endpoints.verifySouvenirDocument,
    summary: 'Check a downloaded certificate (the document and its signature) against the keys and the ledger',
    tag: 'expo',
    access: 'public',
    body: z.unknown(),
    response: verifyResultSchema,
  },
  mySouvenirs: {
    ...endpoints.mySouvenirs,
    summary: "The visitor's souvenir certificates, signed",
    tag: 'visitor',
    access: 'visitor',
    response: mySouvenirsSchema,
  },
} as const satisfies Record<string, RouteDef>;
