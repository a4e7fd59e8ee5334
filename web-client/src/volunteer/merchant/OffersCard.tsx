import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeCard } from '../../shared/ui/HomeCard';

/** The volunteer home's card for spending minutes at the community's shops. */
export function OffersCard() {
  const { t } = useTranslation();
  return (
    <HomeCard id="volunteer-redeem" title={t('redeem.title')} text={t('redeem.text')}>
      <div className="timebank-actions">
        <Link className="button" to="/volunteer/offers" data-testid="open-offers">{t('redeem.open')}</Link>
      </div>
    </HomeCard>
  );
}
