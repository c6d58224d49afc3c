/**
 * Demo artwork drawn as SVG and rasterised by sharp: logos, booth screen images, product pictures.
 * No text glyphs from system fonts (initials use the block font), so every machine draws the same.
 */
import { pixelText, pixelTextWidth } from './pixelFont';

export type Motif = 'wave' | 'egret' | 'hex' | 'diamond' | 'circle' | 'sun' | 'leaf' | 'chip';
export type Pictogram = 'drone' | 'robot' | 'headset' | 'chip' | 'battery' | 'speaker' | 'phone' | 'flask' | 'ship' | 'camera' | 'card' | 'cloud';

function motifShape(m: Motif, cx: number, cy: number, r: number, fill: string): string {
  switch (m) {
    case 'wave':
      return `<path d="M${cx - r} ${cy} q${r / 2} ${-r / 2} ${r} 0 t${r} 0 v${r * 0.5} q${-r / 2} ${r / 2} ${-r} 0 t${-r} 0 z" fill="${fill}"/>`;
    case 'egret':
      return `<path d="M${cx - r} ${cy + r * 0.3} C${cx - r * 0.3} ${cy - r * 0.9} ${cx + r * 0.4} ${cy - r * 0.6} ${cx + r} ${cy - r * 0.9} C${cx + r * 0.5} ${cy - r * 0.2} ${cx} ${cy + r * 0.1} ${cx - r} ${cy + r * 0.3} z" fill="${fill}"/>`;
    case 'hex': {
      const pts = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
      }).join(' ');
      return `<polygon points="${pts}" fill="${fill}"/>`;
    }
    case 'diamond':
      return `<polygon points="${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}" fill="${fill}"/>`;
    case 'circle':
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/><circle cx="${cx}" cy="${cy}" r="${r * 0.55}" fill="none" stroke="#fff" stroke-width="${r * 0.12}" opacity="0.7"/>`;
    case 'sun':
      return (
        `<circle cx="${cx}" cy="${cy}" r="${r * 0.55}" fill="${fill}"/>` +
        Array.from({ length: 8 }, (_, i) => {
          const a = (Math.PI / 4) * i;
          return `<rect x="${cx - r * 0.08}" y="${cy - r}" width="${r * 0.16}" height="${r * 0.3}" rx="${r * 0.05}" fill="${fill}" transform="rotate(${(a * 180) / Math.PI} ${cx} ${cy})"/>`;
        }).join('')
      );
    case 'leaf':
      return `<path d="M${cx - r} ${cy + r} C${cx - r} ${cy - r * 0.4} ${cx - r * 0.2} ${cy - r} ${cx + r} ${cy - r} C${cx + r} ${cy + r * 0.2} ${cx + r * 0.2} ${cy + r} ${cx - r} ${cy + r} z" fill="${fill}"/>`;
    case 'chip':
      return (
        `<rect x="${cx - r * 0.6}" y="${cy - r * 0.6}" width="${r * 1.2}" height="${r * 1.2}" rx="${r * 0.12}" fill="${fill}"/>` +
        Array.from({ length: 4 }, (_, i) => {
          const o = -r * 0.45 + i * r * 0.3;
          return (
            `<rect x="${cx + o - r * 0.05}" y="${cy - r}" width="${r * 0.1}" height="${r * 0.35}" fill="${fill}"/>` +
            `<rect x="${cx + o - r * 0.05}" y="${cy + r * 0.65}" width="${r * 0.1}" height="${r * 0.35}" fill="${fill}"/>`
          );
        }).join('')
      );
  }
}

/** A square logo: rounded tile in the brand colour, a motif in the accent colour, block initials. */
export function logoSvg(initials: string, primary: string, accent: string, motif: Motif): string {
  const S = 512;
  const px = initials.length > 2 ? 16 : 22;
  const w = pixelTextWidth(initials, px);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${primary}"/><stop offset="1" stop-color="${shade(primary, -0.25)}"/></linearGradient></defs>
  <rect x="16" y="16" width="480" height="480" rx="96" fill="url(#g)"/>
  ${motifShape(motif, 256, 190, 120, accent)}
  ${pixelText(initials, (S - w) / 2, 330, px, '#ffffff')}
</svg>`;
}

/** A 16:9 booth screen: the city by the sea in the brand's colours, with the motif as a sun. */
export function screenSvg(primary: string, accent: string, motif: Motif, seed: number): string {
  const W = 1280;
  const H = 720;
  let towers = '';
  let x = 40;
  let s = seed;
  const rnd = () => (s = (s * 9301 + 49297) % 233280) / 233280;
  while (x < W - 40) {
    const w = 40 + rnd() * 70;
    const h = 120 + rnd() * 260;
    towers += `<rect x="${x.toFixed(0)}" y="${(470 - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${shade(primary, -0.35 + rnd() * 0.2)}"/>`;
    for (let wy = 470 - h + 16; wy < 450; wy += 28)
      towers += `<rect x="${(x + 8).toFixed(0)}" y="${wy.toFixed(0)}" width="${(w - 16).toFixed(0)}" height="6" fill="${accent}" opacity="0.35"/>`;
    x += w + 10 + rnd() * 30;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(accent, 0.55)}"/><stop offset="1" stop-color="${shade(primary, 0.6)}"/></linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(primary, 0.1)}"/><stop offset="1" stop-color="${shade(primary, -0.4)}"/></linearGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  ${motifShape(motif, 980, 170, 90, accent)}
  ${towers}
  <rect y="470" width="${W}" height="250" fill="url(#sea)"/>
  ${Array.from({ length: 6 }, (_, i) => `<path d="M0 ${520 + i * 34} q80 -14 160 0 t160 0 t160 0 t160 0 t160 0 t160 0 t160 0 t160 0" fill="none" stroke="#ffffff" stroke-opacity="${0.35 - i * 0.04}" stroke-width="4"/>`).join('')}
  <path d="M180 260 C220 230 250 236 290 250 C255 256 235 270 220 290 z" fill="#ffffff"/>
  <path d="M330 220 C360 198 384 202 410 214 C386 218 372 228 360 244 z" fill="#ffffff"/>
</svg>`;
}

function pictogram(p: Pictogram, fg: string, hi: string): string {
  switch (p) {
    case 'drone':
      return `<rect x="330" y="370" width="140" height="60" rx="20" fill="${fg}"/>
        ${[
          [230, 330],
          [570, 330],
          [230, 470],
          [570, 470],
        ]
          .map(
            ([x, y]) =>
              `<line x1="400" y1="400" x2="${x}" y2="${y}" stroke="${fg}" stroke-width="18"/><ellipse cx="${x}" cy="${y - 20}" rx="80" ry="14" fill="${hi}"/>`,
          )
          .join('')}
        <circle cx="400" cy="450" r="22" fill="${hi}"/>`;
    case 'robot':
      return `<rect x="300" y="560" width="200" height="50" rx="12" fill="${fg}"/><rect x="380" y="380" width="40" height="190" fill="${fg}"/>
        <rect x="380" y="300" width="230" height="40" rx="20" fill="${fg}" transform="rotate(-25 400 320)"/><circle cx="400" cy="380" r="36" fill="${hi}"/>
        <path d="M585 210 l50 -20 l10 30 l-50 20 z" fill="${hi}"/>`;
    case 'headset':
      return `<rect x="210" y="330" width="380" height="170" rx="70" fill="${fg}"/><rect x="250" y="370" width="130" height="90" rx="40" fill="${hi}"/>
        <rect x="420" y="370" width="130" height="90" rx="40" fill="${hi}"/><path d="M230 350 C260 230 540 230 570 350" fill="none" stroke="${fg}" stroke-width="26"/>`;
    case 'chip':
      return `<rect x="270" y="270" width="260" height="260" rx="24" fill="${fg}"/><rect x="330" y="330" width="140" height="140" rx="10" fill="${hi}"/>
        ${Array.from({ length: 5 }, (_, i) => {
          const o = 300 + i * 50;
          return `<rect x="${o}" y="220" width="16" height="50" fill="${fg}"/><rect x="${o}" y="530" width="16" height="50" fill="${fg}"/><rect x="220" y="${o}" width="50" height="16" fill="${fg}"/><rect x="530" y="${o}" width="50" height="16" fill="${fg}"/>`;
        }).join('')}`;
    case 'battery':
      return `<rect x="260" y="250" width="280" height="360" rx="30" fill="${fg}"/><rect x="350" y="215" width="100" height="40" rx="10" fill="${fg}"/>
        <path d="M420 300 l-80 140 h60 l-30 120 l100 -160 h-60 z" fill="${hi}"/>`;
    case 'speaker':
      return `<rect x="300" y="220" width="200" height="380" rx="100" fill="${fg}"/><circle cx="400" cy="470" r="70" fill="${hi}"/><circle cx="400" cy="470" r="30" fill="${fg}"/>
        <circle cx="400" cy="320" r="30" fill="${hi}"/>`;
    case 'phone':
      return `<rect x="300" y="190" width="200" height="420" rx="34" fill="${fg}"/><rect x="320" y="240" width="160" height="310" rx="8" fill="${hi}"/>
        <rect x="345" y="280" width="110" height="20" rx="6" fill="${fg}"/><rect x="345" y="320" width="80" height="20" rx="6" fill="${fg}"/><rect x="345" y="380" width="110" height="120" rx="10" fill="${fg}" opacity="0.5"/>`;
    case 'flask':
      return `<path d="M360 220 h80 v120 l120 220 q20 50 -40 50 h-240 q-60 0 -40 -50 l120 -220 z" fill="${fg}"/><path d="M300 500 h200 l30 50 q6 20 -20 20 h-220 q-26 0 -20 -20 z" fill="${hi}"/>
        <circle cx="380" cy="470" r="14" fill="${hi}"/><circle cx="430" cy="430" r="10" fill="${hi}"/>`;
    case 'ship':
      return `<path d="M190 470 h420 l-60 110 h-300 z" fill="${fg}"/><rect x="270" y="380" width="90" height="90" fill="${hi}"/><rect x="370" y="380" width="90" height="90" fill="${hi}" opacity="0.8"/>
        <rect x="470" y="330" width="70" height="140" fill="${fg}"/><rect x="270" y="300" width="90" height="80" fill="${hi}" opacity="0.7"/>`;
    case 'camera':
      return `<rect x="230" y="300" width="340" height="240" rx="30" fill="${fg}"/><rect x="320" y="260" width="120" height="50" rx="12" fill="${fg}"/>
        <circle cx="400" cy="420" r="85" fill="${hi}"/><circle cx="400" cy="420" r="45" fill="${fg}"/><circle cx="520" cy="340" r="14" fill="${hi}"/>`;
    case 'card':
      return `<rect x="200" y="290" width="400" height="250" rx="28" fill="${fg}"/><rect x="200" y="340" width="400" height="50" fill="${hi}"/>
        <rect x="240" y="440" width="120" height="24" rx="8" fill="${hi}"/><circle cx="520" cy="470" r="30" fill="${hi}" opacity="0.8"/>`;
    case 'cloud':
      return `<path d="M260 520 q-80 0 -80 -70 q0 -70 80 -70 q10 -100 120 -100 q90 0 120 80 q110 -10 120 80 q0 80 -80 80 z" fill="${fg}"/>
        <rect x="330" y="420" width="140" height="24" rx="10" fill="${hi}"/><rect x="330" y="460" width="100" height="24" rx="10" fill="${hi}"/>`;
  }
}

/** A square product picture: soft gradient, floor shadow, the product as a pictogram. */
export function productSvg(p: Pictogram, primary: string, accent: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <defs><radialGradient id="bg" cx="0.5" cy="0.4" r="0.75"><stop offset="0" stop-color="${shade(accent, 0.75)}"/><stop offset="1" stop-color="${shade(primary, 0.35)}"/></radialGradient></defs>
  <rect width="800" height="800" fill="url(#bg)"/>
  <ellipse cx="400" cy="650" rx="240" ry="36" fill="#000" opacity="0.12"/>
  ${pictogram(p, shade(primary, -0.15), accent)}
</svg>`;
}

/** Lightens (amount > 0) or darkens (amount < 0) a #rrggbb colour. */
export function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = amount >= 0 ? c + (255 - c) * amount : c * (1 + amount);
    return Math.max(0, Math.min(255, Math.round(v)));
  });
  return `#${ch.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
