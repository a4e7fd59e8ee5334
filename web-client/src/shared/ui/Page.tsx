import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Every screen: the app's name, the language switch, then the screen itself. */
export function Page({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
