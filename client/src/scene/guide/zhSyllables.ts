/**
 * The pinyin of a Chinese text, character by character, read by pinyin-pro with the words around
 * each character (so 银行 reads háng, 行走 xíng). A chunk of its own: pinyin-pro's dictionary is
 * about 300 KB, so it is fetched only when a tour starts (loadPinyin), never with the hall.
 */
import { pinyin } from 'pinyin-pro';
import { setPinyinReader, type PinyinReader } from './lipSync';

export const readPinyin: PinyinReader = (text) => {
  const out = new Map<number, string>();
  const all = pinyin(text, { type: 'all', toneType: 'none' });
  let at = 0;
  for (const item of all) {
    if (text.startsWith(item.origin, at)) {
      if (item.isZh && item.pinyin) out.set(at, item.pinyin);
      at += item.origin.length;
    } else {
      // the reader split the text in a way we cannot line up: find the character again
      const next = text.indexOf(item.origin, at);
      if (next < 0) break;
      if (item.isZh && item.pinyin) out.set(next, item.pinyin);
      at = next + item.origin.length;
    }
  }
  return out;
};

export function install(): void {
  setPinyinReader(readPinyin);
}
