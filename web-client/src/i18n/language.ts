export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the person's explicit choice of language is kept. */
export const LANGUAGE_KEY = 'qibao.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** Maps a BCP 47 tag such as `zh-Hans-CN`, `zh-TW` or `en-GB` to a language the app has, if any. */
export function supportedLanguage(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/**
 * The language to show: the person's stored choice, else the first language of the browser's
 * preference list that the app has, else English (the one most visitors from elsewhere read).
 */
export function pickLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const language = supportedLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

/** What signing in does to the language: show the account's, or save this device's choice to the account. */
export type LanguageSync = { show: Language } | { save: Language } | null;

/**
 * Once the person is signed in: a language chosen on this device with the switch is kept, and
 * saved to the account when the account has another; without such a choice, the account's
 * language is shown, so that it follows the person to a new phone.
 */
export function syncLanguage(stored: string | null, accountLocale: string): LanguageSync {
  if (isLanguage(stored)) return stored === accountLocale ? null : { save: stored };
  return isLanguage(accountLocale) ? { show: accountLocale } : null;
}
