import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The administrator home's way into the time bank's figures. */
export function LedgerOverviewCard() {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="card-admin-time-bank">
      <h3 className="card-title">{t('timebank.admin.card')}</h3>
      <p className="card-text">{t('timebank.admin.cardText')}</p>
      <Link className="button" to="/admin/time-bank" data-testid="open-ledger-overview">
        {t('timebank.admin.open')}
      </Link>
    </li>
  );
}
