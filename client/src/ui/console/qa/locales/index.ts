/** Registers the `qaConsole` namespace when the console's Q&A queue loads (a lazy chunk). */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'qaConsole';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
