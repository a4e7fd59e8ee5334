import { describe, expect, it } from 'vitest';
import en from './en.json';
import { pickLanguage, syncLanguage } from './language';
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

describe('syncLanguage', () => {
  it('shows the account\'s language on a phone where no language was chosen', () => {
    expect(syncLanguage(null, 'en')).toEqual({ show: 'en' });
    expect(syncLanguage(null, 'zh-CN')).toEqual({ show: 'zh-CN' });
  });

  it('saves the language chosen on this phone to the account when the account has another', () => {
    expect(syncLanguage('en', 'zh-CN')).toEqual({ save: 'en' });
  });

  it('does nothing when they agree or neither is a language the app has', () => {
    expect(syncLanguage('en', 'en')).toBeNull();
    expect(syncLanguage(null, 'fr')).toBeNull();
    expect(syncLanguage('klingon', 'fr')).toBeNull();
  });

  it('shows the account\'s language when the stored choice is not one the app has', () => {
    expect(syncLanguage('klingon', 'en')).toEqual({ show: 'en' });
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
