import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserStorage } from '../shared/storage';
import en from './en.json';
import { LANGUAGE_KEY, type Language, pickLanguage } from './language';
import zhCN from './zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

const storage = browserStorage();

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: pickLanguage(storage.getItem(LANGUAGE_KEY), browserLanguages()),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes already
});

/** The language requests should ask for (sent as Accept-Language). */
export function currentLanguage(): string {
  return i18n.resolvedLanguage ?? i18n.language;
}

/** The language the person chose on this device with the switch, if any. */
export function chosenLanguage(): string | null {
  return storage.getItem(LANGUAGE_KEY);
}

/** Shows a language without taking it as this device's choice (the account's, say). */
export function showLanguage(language: Language): void {
  if (currentLanguage() !== language) void i18n.changeLanguage(language);
}

/** The person chose a language with the switch: show it and remember it. */
export function chooseLanguage(language: Language): void {
  storage.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export default i18n;
