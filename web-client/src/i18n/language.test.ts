import { describe, expect, it } from 'vitest';
import en from './en.json';
import { pickLanguage } from './language';
import zhCN from './zh-CN.json';

describe('pickLanguage', () => {
  it('shows Chinese to a browser that prefers Chinese, whatever the variant', () => {
    expect(pickLanguage(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-Hans-CN'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-TW', 'en-US'])).toBe('zh-CN');
  });

  it('shows English to a browser that prefers English', () => {
    expect(pickLanguage(null, ['en-GB', 'zh-CN'])).toBe('en');
  });

  it('takes the first language of the preference list the app has', () => {
    expect(pickLanguage(null, ['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(pickLanguage(null, ['de', 'fr'])).toBe('en');
  });

  it('keeps the choice the person made with the switch', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLanguage('klingon', ['en-US'])).toBe('en');
  });
});

describe('translation files', () => {
  function keys(tree: object, prefix = ''): string[] {
    return Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  }
  function values(tree: object): unknown[] {
    return Object.values(tree).flatMap((value) => (typeof value === 'object' ? values(value as object) : [value]));
  }

  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('have no empty strings', () => {
    for (const value of [...values(en), ...values(zhCN)]) {
      expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
    }
  });
});
