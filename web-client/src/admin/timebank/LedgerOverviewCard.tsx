import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeCard } from '../../shared/ui/HomeCard';

/** The administrator home's way into the time bank: its figures, corrections, earning policy and school courses. */
export function LedgerOverviewCard() {
  const { t } = useTranslation();
  return (
    <HomeCard id="admin-time-bank" title={t('timebank.admin.card')} text={t('timebank.admin.cardText')}>
      <Link className="button" to="/admin/time-bank" data-testid="open-ledger-overview">
        {t('timebank.admin.open')}
      </Link>
      <Link className="button" to="/admin/time-bank/corrections" data-testid="open-ledger-corrections">
        {t('ledgerAdmin.card.corrections')}
      </Link>
      <Link className="button" to="/admin/time-bank/policy" data-testid="open-time-bank-policy">
        {t('ledgerAdmin.card.policy')}
      </Link>
      <Link className="button" to="/admin/time-bank/courses" data-testid="open-school-courses">
        {t('ledgerAdmin.card.courses')}
      </Link>
    </HomeCard>
  );
}
