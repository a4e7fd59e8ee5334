import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';

export function CaptainHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="CAPTAIN" assignments={assignments}>
      <ComingSoonCard id="captain-members" title={t('captain.members.title')} text={t('captain.members.text')} />
      <ComingSoonCard id="captain-schedule" title={t('captain.schedule.title')} text={t('captain.schedule.text')} />
      <ComingSoonCard id="captain-review" title={t('captain.review.title')} text={t('captain.review.text')} />
    </AreaSection>
  );
}
