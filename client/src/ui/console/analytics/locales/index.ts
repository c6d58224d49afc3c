/**
 * Registers the `analytics` namespace with the app's i18next when the analytics chunk loads: its
 * words are read only in the consoles, so they stay out of the landing page's and the hall's bytes.
 */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'analytics';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
