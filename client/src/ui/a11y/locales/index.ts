/** Registers the `a11y` namespace (the hall's skip link and "nearby" list) with the app's i18next. */
import i18n from '../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'a11y';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
