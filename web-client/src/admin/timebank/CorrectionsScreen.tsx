import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccount } from '../../shared/auth/account';
import { Page } from '../../shared/ui/Page';
import '../../volunteer/timebank/timebank.css';
import './ledgerAdmin.css';
import { PassbookCorrections } from './PassbookCorrections';
import { PendingCorrections } from './PendingCorrections';

/**
 * The administrator's corrections of the ledger: find a volunteer's passbook by phone, adjust it or
 * reverse one of its entries with a reason, and decide other administrators' pending corrections.
 */
export function CorrectionsScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [typed, setTyped] = useState('');
  const [phone, setPhone] = useState('');
  // a correction made below changes the pending list, and a decision there the passbook
  const [changes, setChanges] = useState(0);

  return (
    <Page>
      <div className="ledger-admin">
        <nav className="back">
          <Link to="/admin">{t('timebank.back')}</Link>
        </nav>
        <h1>{t('ledgerAdmin.corrections.title')}</h1>
        <p className="intro">{t('ledgerAdmin.corrections.intro')}</p>
        <section aria-labelledby="find-passbook">
          <h2 id="find-passbook">{t('ledgerAdmin.corrections.find')}</h2>
          <form className="ledger-form" onSubmit={(e) => { e.preventDefault(); setPhone(typed.trim()); }}>
            <label htmlFor="correction-phone">
              {t('ledgerAdmin.corrections.phone')}
              <input id="correction-phone" type="tel" inputMode="tel" autoComplete="off" value={typed}
                onChange={(e) => setTyped(e.target.value)} data-testid="correction-phone" />
            </label>
            <button type="submit" className="button primary" data-testid="correction-find">{t('ledgerAdmin.corrections.show')}</button>
          </form>
        </section>
        {phone && communityId && (
          <PassbookCorrections key={phone} communityId={communityId} phone={phone} version={changes}
            onChanged={() => setChanges((n) => n + 1)} />
        )}
        {communityId && (
          <PendingCorrections communityId={communityId} me={account.id} version={changes} onChanged={() => setChanges((n) => n + 1)} />
        )}
      </div>
    </Page>
  );
}
