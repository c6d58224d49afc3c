/**
 * The souvenir certificate as a picture (issue #12 item 6): what the holder downloads and shares.
 * Drawn on a canvas in the page (our own font, no remote service), with the QR code of its
 * /verify page, so anyone who sees the picture can check the certificate behind it.
 */
import QRCode from 'qrcode';
import { SOUVENIR_SETS, type SouvenirCertificateView } from '../../../../shared/api/souvenirs';

const W = 1080;
const H = 1440;
const FONT = "'Noto Sans SC', system-ui, sans-serif";

export interface CertificateText {
  title: string;
  serial: string;
  date: string;
  free: string;
  qr: string;
}

export async function certificateCanvas(c: SouvenirCertificateView, url: string, text: CertificateText): Promise<HTMLCanvasElement> {
  await document.fonts?.load(`bold 64px ${FONT}`, '鹭岛云展纪念证书');
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  // paper, and a double frame in Gulangyu's brick red
  g.fillStyle = '#fbf4e6';
  g.fillRect(0, 0, W, H);
  g.strokeStyle = '#b5452c';
  g.lineWidth = 10;
  g.strokeRect(40, 40, W - 80, H - 80);
  g.lineWidth = 3;
  g.strokeRect(62, 62, W - 124, H - 124);
  g.textAlign = 'center';
  g.fillStyle = '#0d3b57';
  g.font = `bold 54px ${FONT}`;
  g.fillText(text.title, W / 2, 170);
  const set = SOUVENIR_SETS[c.set] ?? { zh: c.set, en: c.set };
  g.fillStyle = '#b5452c';
  g.font = `bold 72px ${FONT}`;
  g.fillText(set.zh, W / 2, 300);
  g.font = `36px ${FONT}`;
  g.fillText(set.en, W / 2, 356);
  g.fillStyle = '#1f2937';
  g.font = `bold 88px ${FONT}`;
  g.fillText(fit(g, c.name, W - 200), W / 2, 520);
  g.font = `36px ${FONT}`;
  g.fillStyle = '#4b5563';
  g.fillText(`${text.serial}  ·  ${text.date}`, W / 2, 600);
  g.fillText(c.expo, W / 2, 654);
  const qr = document.createElement('canvas');
  await QRCode.toCanvas(qr, url, { width: 420, margin: 1, color: { dark: '#0d3b57', light: '#fbf4e6' } });
  g.drawImage(qr, (W - 420) / 2, 720, 420, 420);
  g.font = `28px ${FONT}`;
  g.fillStyle = '#0d3b57';
  g.fillText(text.qr, W / 2, 1180);
  g.fillStyle = '#6b7280';
  g.font = `24px ${FONT}`;
  g.fillText(fit(g, text.free, W - 200), W / 2, 1260);
  g.fillText(`${c.id} · ${c.key}`, W / 2, 1310);
  return canvas;
}

/** Shortens a line with an ellipsis until it fits `max` pixels. */
function fit(g: CanvasRenderingContext2D, s: string, max: number): string {
  if (g.measureText(s).width <= max) return s;
  let t = s;
  while (t.length > 1 && g.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

/** The signed certificate as a file, for checking offline (`npx tsx server/cli.ts verify-certificate`). */
export function downloadJson(doc: { certificate: SouvenirCertificateView; signature: string | null }): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  a.download = `ludao-souvenir-${doc.certificate.set}-${doc.certificate.serial}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('could not draw the picture'));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      resolve();
    }, 'image/png'),
  );
}
