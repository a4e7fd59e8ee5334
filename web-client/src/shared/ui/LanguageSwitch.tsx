import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';

/** Each language is named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-button"
          aria-pressed={i18n.resolvedLanguage === language}
          data-testid={`lang-${language}`}
          onClick={() => chooseLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
