/** Registers the `verify` namespace when the verify page's chunk loads: none of it is in the landing page's bytes. */
import i18n from '../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'verify';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
