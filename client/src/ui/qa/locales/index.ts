/**
 * Registers the `qa` namespace with the app's i18next when a Q&A chunk loads (the hall panel, the
 * moderators' queue): its words stay out of the hall's first bytes. The dock button uses the main
 * bundle's `qa.title`.
 */
import i18n from '../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'qa';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
