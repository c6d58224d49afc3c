/**
 * Registers the `agenda` namespace with the app's i18next when an agenda chunk loads (the page, the
 * hall's panel and reminders, the organizer's editor): its words stay out of the landing page's and
 * the hall's first bytes. The hall's button and the landing link use the main bundle's `agenda.*`.
 */
import i18n from '../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'agenda';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
