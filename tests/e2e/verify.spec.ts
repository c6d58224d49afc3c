/**
 * The souvenir verify page (issue #12 item 6), in a real browser against the real server and its
 * database: a certificate issued in that database (here written by the test through the
 * repository, as the stamp passport will when a set is completed) shows as genuine with its holder,
 * number and QR code; its picture downloads as a PNG; a downloaded certificate file checks as
 * genuine, and an edited one as altered; an id never issued is unknown. Phone-sized viewport.
 */
import fs from 'node:fs';
import { test, expect } from './support/fixtures';
import { issueSouvenir } from './support/souvenir';

test('a souvenir certificate checks as genuine, downloads as a picture, and an edited file does not pass', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { id, doc } = await issueSouvenir('鹭岛访客', 'verify');
  await page.goto(`/verify/${id}`);
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'genuine', { timeout: 15_000 });
  await expect(result).toContainText('真实有效');
  await expect(page.getByTestId('verify-holder')).toHaveText('鹭岛访客');
  await expect(result).toContainText('鼓浪屿地标全集');
  // the QR code is drawn (dark modules on the canvas)
  const dark = await page.locator('.verify-qr canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 100) n++;
    return n / (c.width * c.height);
  });
  expect(dark).toBeGreaterThan(0.2);
  await page.screenshot({ path: testInfo.outputPath('verify.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verify-download').click()]);
  const png = fs.readFileSync(await download.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(20_000);
  fs.copyFileSync(await download.path(), testInfo.outputPath('certificate.png'));

  // the certificate file the page downloads, checked back as is and edited
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verify-download-json').click()]);
  const saved = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8')) as typeof doc;
  expect(saved).toEqual(doc);
  const file = page.getByTestId('verify-file');
  await file.setInputFiles({ name: 'certificate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expect(page.getByTestId('verify-file-result')).toHaveAttribute('data-status', 'genuine');
  const edited = { ...doc, certificate: { ...doc.certificate, name: '别人' } };
  await file.setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await expect(page.getByTestId('verify-file-result')).toHaveAttribute('data-status', 'altered');

  // English, and an id never issued
  await page.goto(`/verify/${'q'.repeat(20)}`);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-status', 'unknown');
});
