/** One i18n library for every UI string: zh-CN first, English second, remembered per browser. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';

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

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes; we never render strings as HTML
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* ignore */
  }
}

export { pick } from './pick';

export default i18n;
