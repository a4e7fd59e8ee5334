import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';

export function MerchantHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="MERCHANT_STAFF" assignments={assignments}>
      <ComingSoonCard id="merchant-scan" title={t('merchant.scan.title')} text={t('merchant.scan.text')} />
      <ComingSoonCard id="merchant-offers" title={t('merchant.offers.title')} text={t('merchant.offers.text')} />
      <ComingSoonCard id="merchant-settlement" title={t('merchant.settlement.title')} text={t('merchant.settlement.text')} />
    </AreaSection>
  );
}
