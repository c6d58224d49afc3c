/** Pure pieces around the database: password hashing, login throttling, upload checks, seed assets, schemas, OpenAPI. */
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { LoginThrottle } from '../../server/auth/throttle';
import { hashToken, newToken } from '../../server/auth/tokens';
import { sniff } from '../../server/uploads/sniff';
import { displayName } from '../../server/uploads/filename';
import { checkGlb, checkMp4, checkPdf } from '../../server/uploads/checks';
import { productModel, type ModelKind } from '../../server/seed/models';
import { brochurePdf } from '../../server/seed/pdf';
import { DEMO_COMPANIES } from '../../server/seed/companies';
import { boothUpdateSchema, loginSchema } from '../../shared/api/schemas';
import { isSafeLink } from '../../shared/api/common';
import { buildOpenApi } from '../../shared/api/openapi';
import { routes } from '../../shared/api/routes';

const FAST = { N: 1 << 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verify only the right password, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse', FAST);
    const b = await hashPassword('correct horse', FAST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
  it('tokens are random and stored hashed', () => {
    const t = newToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('login throttle', () => {
  it('limits attempts per address', () => {
    const th = new LoginThrottle({ ipBurst: 3, ipRefillMs: 1000, emailBurst: 10, emailRefillMs: 1000 });
    expect([0, 1, 2, 3].map((i) => th.attempt('1.2.3.4', `u${i}@x`, 0))).toEqual([0, 0, 0, 1]);
    expect(th.attempt('5.6.7.8', 'u@x', 0)).toBe(0);
    expect(th.attempt('1.2.3.4', 'u@x', 1000)).toBe(0);
  });
  it('limits failures per email, and a success resets them', () => {
    const th = new LoginThrottle({ ipBurst: 100, ipRefillMs: 1000, emailBurst: 2, emailRefillMs: 60_000 });
    th.failed('a@x', 0);
    th.failed('a@x', 0);
    expect(th.attempt('9.9.9.9', 'a@x', 1)).toBe(60);
    expect(th.attempt('9.9.9.9', 'b@x', 1)).toBe(0);
    th.succeeded('a@x');
    expect(th.attempt('9.9.9.9', 'a@x', 2)).toBe(0);
  });
});

describe('sniffing and names', () => {
  it('identifies files by their bytes', () => {
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniff(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
    expect(sniff(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniff(Buffer.from('hello'))).toBe('unknown');
  });
  it('keeps only a harmless last segment of a client file name', () => {
    expect(displayName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(displayName('C:\\Users\\me\\册子.pdf', 'pdf')).toBe('册子.pdf');
    expect(displayName('\u202eevil"<x>.pdf', 'pdf')).toBe('evilx.pdf');
    expect(displayName(undefined, 'pdf')).toBe('file.pdf');
    expect(displayName('...', 'glb')).toBe('file.glb');
  });
});

describe('demo assets', () => {
  it('has at least 20 companies across both halls and at least 3 with a model', () => {
    expect(DEMO_COMPANIES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DEMO_COMPANIES.map((c) => c.hall))).toEqual(new Set(['gulangyu', 'shapowei']));
    expect(DEMO_COMPANIES.filter((c) => c.products.some((p) => p.model)).length).toBeGreaterThanOrEqual(3);
    expect(new Set(DEMO_COMPANIES.map((c) => c.key)).size).toBe(DEMO_COMPANIES.length);
  });
  it('generated models pass the Khronos validator', async () => {
    for (const kind of ['drone', 'robot', 'headset', 'battery', 'speaker'] as ModelKind[]) {
      await expect(checkGlb(productModel(kind, '#0d3b57', '#f2b63d')), kind).resolves.toMatchObject({ ext: 'glb' });
    }
  });
  it('generated brochures are plain PDFs', () => {
    expect(checkPdf(brochurePdf('Title (with parens)', ['a', 'b'], '#112233')).ext).toBe('pdf');
  });
  it('an MP4 needs its boxes to add up', () => {
    expect(() => checkMp4(Buffer.from('\0\0\0\x10ftypisom\0\0\0\0', 'latin1'))).toThrow(/index/);
  });
});

describe('shared schemas', () => {
  it('accept http(s) websites only', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.example', 'http://localhost', '//evil.example', 'https://']) {
      expect(boothUpdateSchema.safeParse({ website: bad }).success, bad).toBe(false);
    }
    expect(boothUpdateSchema.safeParse({ website: 'https://www.xmsoftwarepark.example/path?q=1' }).success).toBe(true);
    expect(boothUpdateSchema.safeParse({ website: '' }).success).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('https://a.example')).toBe(true);
  });
  it('normalise emails and refuse unknown fields', () => {
    expect(loginSchema.parse({ email: '  Someone@Example.COM ', password: 'x' }).email).toBe('someone@example.com');
    expect(loginSchema.safeParse({ email: 'a@b.example', password: 'x', role: 'organizer' }).success).toBe(false);
  });
  it('keep newlines in descriptions but not other control characters', () => {
    const ok = boothUpdateSchema.parse({ description: { zh: '第一行\r\n第二行', en: '' } });
    expect(ok.description?.zh).toBe('第一行\n第二行');
    expect(boothUpdateSchema.safeParse({ description: { zh: 'a\u0007b', en: '' } }).success).toBe(false);
  });
});

describe('OpenAPI', () => {
  it('has one operation per route, with unique ids', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string }>> };
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.sort()).toEqual(Object.keys(routes).sort());
  });
});
