/**
 * Registers the `groupTour` namespace with the app's i18next when the hall's chunk loads (the HUD's
 * follow button, the group tour's box): its words stay out of the landing page's bytes.
 */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'groupTour';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
