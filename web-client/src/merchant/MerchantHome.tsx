import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { HomeCard } from '../shared/ui/HomeCard';

export function MerchantHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="MERCHANT_STAFF" assignments={assignments}>
      <HomeCard id="merchant-scan" title={t('merchant.scan.title')} text={t('merchant.scan.text')}>
        <Link className="button primary" to="/merchant/counter" data-testid="open-counter">{t('counter.open')}</Link>
      </HomeCard>
      <HomeCard id="merchant-offers" title={t('merchant.offers.title')} text={t('merchant.offers.text')}>
        <Link className="button" to="/merchant/offers" data-testid="open-merchant-offers">{t('offers.open')}</Link>
      </HomeCard>
      <HomeCard id="merchant-settlement" title={t('merchant.settlement.title')} text={t('merchant.settlement.text')}>
        <Link className="button" to="/merchant/settlement" data-testid="open-settlement">{t('settlement.open')}</Link>
      </HomeCard>
      <HomeCard id="merchant-staff" title={t('merchantStaff.title')} text={t('merchantStaff.text')}>
        <Link className="button" to="/merchant/staff" data-testid="open-staff">{t('merchantStaff.open')}</Link>
      </HomeCard>
    </AreaSection>
  );
}
