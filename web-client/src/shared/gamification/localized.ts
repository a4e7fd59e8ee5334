/** A text the server holds in both languages. */
export interface LocalizedText {
  zhCN: string;
  en: string;
}

/** The text in the language shown: English for `en…`, Chinese otherwise (the product's first language). */
export function localized(text: LocalizedText, language: string): string {
  return language.startsWith('en') ? text.en : text.zhCN;
}
