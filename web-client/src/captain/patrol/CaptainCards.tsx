import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { LoadError } from '../../shared/ui/LoadError';
import { HomeCard } from '../../shared/ui/HomeCard';

const CaptainSummaryQuery = graphql(`
  query CaptainSummary {
    reviewQueue { id }
    atRiskShifts { id }
  }
`);

/** The captain home's cards: members, the schedule with shifts at risk, and the review queue. */
export function CaptainCards() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CaptainSummaryQuery, requestPolicy: 'cache-and-network' });
  const cards = [
    { id: 'captain-members', to: '/captain/members', title: t('captain.members.title'), text: t('captain.members.text') },
    {
      id: 'captain-schedule', to: '/captain/schedule', title: t('captain.schedule.title'),
      text: data && data.atRiskShifts.length > 0 ? t('patrol.card.atRisk', { count: data.atRiskShifts.length }) : t('captain.schedule.text'),
    },
    {
      id: 'captain-review', to: '/captain/review', title: t('captain.review.title'),
      text: data ? t('patrol.card.toReview', { count: data.reviewQueue.length }) : t('captain.review.text'),
    },
  ];
  return (
    <>
      {error && <li className="card"><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></li>}
      {cards.map((card) => (
        <HomeCard key={card.id} id={card.id} title={card.title} text={card.text}>
          <Link className="button" to={card.to} data-testid={`open-${card.id}`}>{t('patrol.card.open')}</Link>
        </HomeCard>
      ))}
    </>
  );
}
