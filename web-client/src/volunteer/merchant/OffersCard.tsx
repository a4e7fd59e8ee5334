import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The volunteer home's card for spending minutes at the community's shops. */
export function OffersCard() {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="card-volunteer-redeem">
      <h3 className="card-title">{t('redeem.title')}</h3>
      <p className="card-text">{t('redeem.text')}</p>
      <div className="timebank-actions">
        <Link className="button" to="/volunteer/offers" data-testid="open-offers">{t('redeem.open')}</Link>
      </div>
    </li>
  );
}
