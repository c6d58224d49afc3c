/**
 * Registers the `wordList` namespace with the app's i18next when the word-list panel's chunk loads:
 * only organizers read these words, so they stay out of the hall's and the landing page's bytes.
 */
import i18n from '../../../../i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export const NS = 'wordList';

if (!i18n.hasResourceBundle('zh-CN', NS)) {
  i18n.addResourceBundle('zh-CN', NS, zhCN);
  i18n.addResourceBundle('en', NS, en);
}
