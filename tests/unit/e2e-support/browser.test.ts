/** Which browser the e2e tests drive, and what `npm test` does on a machine that has none. */
import { describe, expect, it } from 'vitest';
import { findChromium, type BrowserFacts } from '../../e2e/support/chromium';
import { NO_BROWSER_LINE, NO_FONT_LINE, nextStep, type MachineFacts, type Step } from '../../e2e/support/provision';

function facts(files: string[], env: NodeJS.ProcessEnv = {}, own = '/root/.cache/ms-playwright/chromium/chrome'): BrowserFacts {
  return { env, exists: (f) => files.includes(f), playwrightPath: () => own };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when the system has one', () => {
    expect(findChromium(facts(['/opt/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome' }))).toEqual({
      path: '/opt/chrome',
      source: 'CHROMIUM_PATH',
    });
  });

  it('refuses a CHROMIUM_PATH that names nothing instead of silently using another browser', () => {
    expect(() => findChromium(facts(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope' }))).toThrow(/CHROMIUM_PATH=\/nope/);
  });

  it("then the system's chromium: /usr/bin/chromium, or any chromium or chrome on PATH", () => {
    expect(findChromium(facts(['/usr/bin/chromium']))).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(findChromium(facts(['/snap/bin/chromium-browser'], { PATH: '/usr/local/bin:/snap/bin' }))).toEqual({
      path: '/snap/bin/chromium-browser',
      source: 'system',
    });
  });

  it("then Playwright's own download, and null when there is nothing", () => {
    const own = '/home/u/.cache/ms-playwright/chromium-1/chrome';
    expect(findChromium(facts([own], { PATH: '/usr/bin' }, own))).toEqual({ path: own, source: 'playwright' });
    expect(findChromium(facts([], { PATH: '/usr/bin:/bin' }))).toBeNull();
  });
});

describe('nextStep: provisioning a fresh machine', () => {
  const browser = { path: '/usr/bin/chromium', source: 'system' as const };
  const machine = (m: Partial<MachineFacts>): MachineFacts => ({ browser: null, cjkFont: false, root: true, os: ['debian'], ...m });
  const tried = (...k: Step['kind'][]) => new Set(k);

  it('does nothing when browser and font are there', () => {
    expect(nextStep(machine({ browser, cjkFont: true }), tried())).toEqual({ kind: 'ready', browser });
  });

  it("tries Playwright's download first, then apt-get as root on Debian with the font too", () => {
    expect(nextStep(machine({}), tried())).toEqual({ kind: 'playwright-download' });
    expect(nextStep(machine({}), tried('playwright-download'))).toEqual({ kind: 'apt', packages: ['chromium', 'fonts-noto-cjk'] });
    expect(nextStep(machine({ cjkFont: true }), tried('playwright-download'))).toEqual({ kind: 'apt', packages: ['chromium'] });
    expect(nextStep(machine({ os: ['ubuntu', 'debian'] }), tried('playwright-download'))).toMatchObject({ kind: 'apt' });
    expect(nextStep(machine({ os: ['ubuntu'] }), tried('playwright-download'))).toEqual({ kind: 'apt', packages: ['chromium-browser', 'fonts-noto-cjk'] });
  });

  it('gives up with one line naming what to install when not root, not Debian, or apt did not help', () => {
    for (const m of [machine({ root: false }), machine({ os: ['fedora'] })]) {
      expect(nextStep(m, tried('playwright-download'))).toEqual({ kind: 'give-up', line: NO_BROWSER_LINE });
    }
    expect(nextStep(machine({}), tried('playwright-download', 'apt'))).toEqual({ kind: 'give-up', line: NO_BROWSER_LINE });
    expect(NO_BROWSER_LINE).toMatch(/apt-get install chromium fonts-noto-cjk/);
    expect(NO_BROWSER_LINE).not.toMatch(/\n/);
  });

  it('a missing CJK font alone is installed, or named', () => {
    expect(nextStep(machine({ browser }), tried())).toEqual({ kind: 'apt', packages: ['fonts-noto-cjk'] });
    expect(nextStep(machine({ browser, root: false }), tried())).toEqual({ kind: 'give-up', line: NO_FONT_LINE });
    expect(nextStep(machine({ browser }), tried('apt'))).toEqual({ kind: 'give-up', line: NO_FONT_LINE });
  });
});
