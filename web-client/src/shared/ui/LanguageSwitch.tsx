import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { chooseLanguage } from '../../i18n/i18n';
import { type Language, LANGUAGES } from '../../i18n/language';
import { AccountLocaleSetMutation } from '../auth/account';
import { useSession } from '../auth/SessionProvider';

/**
 * Each language is named in itself, so a person who cannot read the current one still finds theirs.
 * A signed-in person's choice is also kept with their account (if that fails, this device still has it).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { token } = useSession();
  const [, saveLocale] = useMutation(AccountLocaleSetMutation);
  function choose(language: Language) {
    chooseLanguage(language);
    if (token) void saveLocale({ input: { locale: language } });
  }
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
          onClick={() => choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
