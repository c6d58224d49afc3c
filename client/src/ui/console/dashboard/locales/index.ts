/**
 * Registers the `dashboard` namespace with the app's i18next when the dashboard chunk loads: its
 * words are read only in the organizer console, so they stay out of the landing page and the hall.
 */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'dashboard';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
