import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';
import { PatrolCards } from './patrol/PatrolCards';
import { OffersCard } from './merchant/OffersCard';
import { PassbookCard } from './timebank/PassbookCard';
import { ReportCard } from './casework/ReportCard';

export function VolunteerHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="VOLUNTEER" assignments={assignments}>
      <PatrolCards />
      <ReportCard />
      <PassbookCard />
      <OffersCard />
      <ComingSoonCard id="volunteer-badges" title={t('volunteer.badges.title')} text={t('volunteer.badges.text')} />
    </AreaSection>
  );
}
