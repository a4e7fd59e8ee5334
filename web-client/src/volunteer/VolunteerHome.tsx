import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { GoalsCard } from '../shared/gamification/GoalsCard';
import { BadgesCard } from './gamification/BadgesCard';
import { PatrolCards } from './patrol/PatrolCards';
import { OffersCard } from './merchant/OffersCard';
import { PassbookCard } from './timebank/PassbookCard';
import { ReportCard } from './casework/ReportCard';
import { NotificationsCard } from '../shared/notifications/NotificationsCard';

export function VolunteerHome({ assignments }: AreaProps) {
  const community = assignments.find((a) => a.scope.__typename === 'Community')?.scope.id;
  return (
    <AreaSection role="VOLUNTEER" assignments={assignments}>
      <NotificationsCard />
      <PatrolCards />
      <ReportCard />
      <PassbookCard />
      <OffersCard />
      <BadgesCard />
      {community && <GoalsCard communityId={community} id="volunteer-goals" />}
    </AreaSection>
  );
}
