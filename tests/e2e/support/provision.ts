/**
 * `npm run test:e2e` runs this first: it makes sure a Chromium and a CJK font are there, so the
 * README's `npm test` is all the set-up a fresh machine needs.
 *
 * No browser: Playwright's own download where its host is reachable; otherwise, as root on Debian
 * or Ubuntu, `apt-get install chromium fonts-noto-cjk`; otherwise one line that says what to install.
 * No CJK font (names and booth copy are Chinese first): the same, with the font package alone.
 *
 *   npx tsx tests/e2e/support/provision.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium, machineFacts, type FoundBrowser } from './chromium';

export interface MachineFacts {
  browser: FoundBrowser | null;
  cjkFont: boolean;
  root: boolean;
  /** `ID` and `ID_LIKE` of /etc/os-release, lower case */
  os: string[];
}

export type Step =
  { kind: 'ready'; browser: FoundBrowser } | { kind: 'playwright-download' } | { kind: 'apt'; packages: string[] } | { kind: 'give-up'; line: string };

const isDebianLike = (os: string[]) => os.includes('debian') || os.includes('ubuntu');
/** Ubuntu's `chromium` is a snap shim under another name; Debian's is a real package. */
const chromiumPackage = (os: string[]) => (os.includes('ubuntu') && !os.includes('debian') ? 'chromium-browser' : 'chromium');
const FONT_PACKAGE = 'fonts-noto-cjk';

export const NO_BROWSER_LINE =
  'e2e: no Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk; macOS: brew install --cask chromium), or set CHROMIUM_PATH to a Chromium/Chrome binary.';
export const NO_FONT_LINE =
  'e2e: no CJK font found (fc-list :lang=zh is empty). Install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; Fedora: sudo dnf install google-noto-sans-cjk-fonts).';

/**
 * The next thing to do, given what the machine has and what was already tried. Pure, so the order
 * of the fallbacks is unit-tested; `main` carries the steps out and asks again.
 */
export function nextStep(m: MachineFacts, tried: ReadonlySet<Step['kind']>): Step {
  const apt = m.root && isDebianLike(m.os) && !tried.has('apt');
  if (!m.browser) {
    if (!tried.has('playwright-download')) return { kind: 'playwright-download' };
    if (apt) return { kind: 'apt', packages: m.cjkFont ? [chromiumPackage(m.os)] : [chromiumPackage(m.os), FONT_PACKAGE] };
    return { kind: 'give-up', line: NO_BROWSER_LINE };
  }
  if (!m.cjkFont) {
    if (apt) return { kind: 'apt', packages: [FONT_PACKAGE] };
    return { kind: 'give-up', line: NO_FONT_LINE };
  }
  return { kind: 'ready', browser: m.browser };
}

function osIds(): string[] {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8');
    const get = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
    return `${get('ID')} ${get('ID_LIKE')}`.toLowerCase().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

function hasCjkFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function readMachine(): MachineFacts {
  return { browser: findChromium(machineFacts), cjkFont: hasCjkFont(), root: process.getuid?.() === 0, os: osIds() };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`e2e: ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env, timeout: 20 * 60_000 }).status === 0;
}

function main(): number {
  const tried = new Set<Step['kind']>();
  for (;;) {
    const step = nextStep(readMachine(), tried);
    if (step.kind !== 'ready' && step.kind !== 'give-up') tried.add(step.kind);
    switch (step.kind) {
      case 'ready':
        console.log(`e2e: Chromium ${step.browser.path} (${step.browser.source})`);
        return 0;
      case 'give-up':
        console.error(step.line);
        return 1;
      case 'playwright-download':
        console.log("e2e: no Chromium found; trying Playwright's download");
        if (!run('npx', ['playwright', 'install', 'chromium'])) console.log("e2e: Playwright's download failed (host unreachable?)");
        break;
      case 'apt': {
        const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
        if (!run('apt-get', ['update', '-qq'], env) || !run('apt-get', ['install', '-y', '-qq', ...step.packages], env)) {
          console.log('e2e: apt-get could not install ' + step.packages.join(' '));
        }
        break;
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exit(main());
  } catch (err) {
    // A CHROMIUM_PATH that names nothing: one line, not a stack.
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
