/** One i18n library for every UI string: zh-CN first, English second, remembered per browser. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
const KEY = 'ludao.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') return fromUrl;
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* ignore */
  }
  return 'zh-CN';
}

// English is its own small chunk: most visitors read Chinese, and the hall's first JS has a budget
// (bench/bundle.ts). Panels add their own namespaces for both languages; this merges beside them.
let english: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  english ??= import('./en').then(
    (m) => void i18n.addResourceBundle('en', 'translation', m.en, true, true),
    (e: unknown) => {
      english = null; // a failed chunk load is retried on the next switch
      throw e;
    },
  );
  return english;
}

const firstLang = initialLang();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: firstLang,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes; we never render strings as HTML
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Resolves once the first language's words are there: main.tsx renders after it (at once for Chinese). */
export const i18nReady: Promise<void> = firstLang === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve();

export function setLang(lang: Lang): void {
  // an English chunk that cannot load leaves the page in Chinese rather than showing keys
  void (lang === 'en' ? loadEnglish() : Promise.resolve()).then(() => i18n.changeLanguage(lang)).catch(() => undefined);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* ignore */
  }
}

export { pick } from './pick';

export default i18n;
