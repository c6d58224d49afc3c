import { describe, expect, it } from 'vitest';
import { pick } from '../../client/src/i18n/pick';

describe('pick (bilingual texts)', () => {
  const both = { zh: '鹭岛', en: 'Egret Island' };

  it('gives the half in the visitor’s language', () => {
    expect(pick(both, 'zh-CN')).toBe('鹭岛');
    expect(pick(both, 'zh')).toBe('鹭岛');
    expect(pick(both, 'en')).toBe('Egret Island');
  });

  it('falls back to the other language when that half is empty, either way', () => {
    expect(pick({ zh: '只有中文', en: '' }, 'en')).toBe('只有中文');
    expect(pick({ zh: '', en: 'English only' }, 'zh-CN')).toBe('English only');
    expect(pick({ zh: '', en: '' }, 'en')).toBe('');
  });
});
