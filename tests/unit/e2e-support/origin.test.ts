/** The off-origin watch itself (no browser needed): what counts as staying home. */
import { expect, it as test } from 'vitest';
import { E2E_ORIGIN, staysOnOrigin } from '../../e2e/support/origin';

test('same host and port over http or ws, and in-page data:/blob: URLs, stay on the origin', () => {
  for (const url of [
    `${E2E_ORIGIN}/`,
    `${E2E_ORIGIN}/assets/index-abc.js`,
    `${E2E_ORIGIN.replace('http', 'ws')}/Xyz123/AbC456?sessionId=1`,
    'data:font/woff2;base64,AAAA',
    `blob:${E2E_ORIGIN}/3f1c-uuid`,
  ]) {
    expect(staysOnOrigin(url), url).toBe(true);
  }
});

test('CDNs, other ports and other hosts leave the origin', () => {
  for (const url of [
    'https://fonts.googleapis.com/css2?family=Noto+Sans+SC',
    'https://cdn.jsdelivr.net/gh/pmndrs/drei-assets/hdri/city.hdr',
    'https://raw.githack.com/pmndrs/drei-assets/font.woff',
    `${E2E_ORIGIN.replace(/:\d+$/, ':2600')}/api/health`,
    'http://127.0.0.1:2599/',
    'ws://evil.example/socket',
    'not a url',
  ]) {
    expect(staysOnOrigin(url), url).toBe(false);
  }
});
