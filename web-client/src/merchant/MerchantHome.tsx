import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';

export function MerchantHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="MERCHANT_STAFF" assignments={assignments}>
      <li className="card" data-testid="card-merchant-scan">
        <h3 className="card-title">{t('merchant.scan.title')}</h3>
        <p className="card-text">{t('merchant.scan.text')}</p>
        <Link className="button primary" to="/merchant/counter" data-testid="open-counter">{t('counter.open')}</Link>
      </li>
      <li className="card" data-testid="card-merchant-offers">
        <h3 className="card-title">{t('merchant.offers.title')}</h3>
        <p className="card-text">{t('merchant.offers.text')}</p>
        <Link className="button" to="/merchant/offers" data-testid="open-merchant-offers">{t('offers.open')}</Link>
      </li>
      <li className="card" data-testid="card-merchant-settlement">
        <h3 className="card-title">{t('merchant.settlement.title')}</h3>
        <p className="card-text">{t('merchant.settlement.text')}</p>
        <Link className="button" to="/merchant/settlement" data-testid="open-settlement">{t('settlement.open')}</Link>
      </li>
      <li className="card" data-testid="card-merchant-staff">
        <h3 className="card-title">{t('merchantStaff.title')}</h3>
        <p className="card-text">{t('merchantStaff.text')}</p>
        <Link className="button" to="/merchant/staff" data-testid="open-staff">{t('merchantStaff.open')}</Link>
      </li>
    </AreaSection>
  );
}
