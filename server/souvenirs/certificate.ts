/**
 * Souvenir certificates (issue #12 item 6): what a certificate says, its canonical bytes (RFC 8785
 * JSON Canonicalization Scheme, through the `canonicalize` library), and its Ed25519 signature by
 * the expo's key. Pure functions over node:crypto, so the server, the CLI and the tests all check a
 * certificate the same way, and offline.
 *
 * A certificate is free and bound to its holder: it carries no price, no owner address and nothing
 * that could be transferred; it only says who completed which set, when.
 */
import crypto from 'node:crypto';
import canonicalize from 'canonicalize';

export const CERTIFICATE_VERSION = 1;

export interface SouvenirCertificate {
  v: typeof CERTIFICATE_VERSION;
  /** the souvenir's id: also the /verify/<id> page */
  id: string;
  /** the expo that issued it */
  expo: string;
  /** the completed set, e.g. "gulangyu-landmarks" */
  set: string;
  /** the display name the holder chose (their account's card name or hall name) */
  name: string;
  /** the day it was issued, YYYY-MM-DD in China Standard Time */
  date: string;
  /** which picture is drawn on it */
  design: string;
  /** the n-th souvenir of its set */
  serial: number;
  /** the id of the key that signed it */
  key: string;
}

/** A certificate as handed to its holder and as checked anywhere: the document and its signature. */
export interface SignedCertificate {
  certificate: SouvenirCertificate;
  /** Ed25519 signature of the canonical certificate, base64url */
  signature: string;
}

/** The exact bytes that are signed and hashed. */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('not canonicalizable');
  return Buffer.from(text, 'utf8');
}

export const sha256Hex = (bytes: Buffer | string): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** A new Ed25519 key pair: the raw public key (base64url) and the private key as PKCS#8 PEM. */
export function generateSigningKey(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

function rawPublicKey(key: crypto.KeyObject): string {
  // the JWK form of an Ed25519 key holds the raw 32 bytes as base64url in `x`
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return jwk.x;
}

export function publicKeyObject(raw: string): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

export function signCertificate(certificate: SouvenirCertificate, privateKeyPem: string): SignedCertificate {
  const signature = crypto.sign(null, canonicalBytes(certificate), crypto.createPrivateKey(privateKeyPem)).toString('base64url');
  return { certificate, signature };
}

/** True when `signature` is the given public key's signature of exactly this certificate. */
export function signatureValid(certificate: unknown, signature: string, publicKey: string): boolean {
  try {
    return crypto.verify(null, canonicalBytes(certificate), publicKeyObject(publicKey), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The day in China Standard Time (UTC+8, no daylight saving), as printed on the certificate. */
export function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
