import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { LoadError } from '../ui/LoadError';
import { localized } from './localized';
import { CommunityGoalsQuery } from './operations';
import { ProgressBar } from './ProgressBar';
import { goalFigures, percent } from './progress';
import './gamification.css';

/**
 * A home screen's card with the community's goals for this month and how far everyone has come.
 * Shows nothing when the community has set no goal: an empty bar would only discourage.
 */
export function GoalsCard({ communityId, id }: { communityId: string; id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CommunityGoalsQuery, variables: { communityId }, requestPolicy: 'cache-and-network' });
  const goals = data?.communityGoals ?? [];
  if (!error && goals.length === 0) return null;
  return (
    <li className="card" data-testid={`card-${id}`}>
      <h3 className="card-title">{t('gamification.goals.title')}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {goals.map((goal) => {
        const figures = goalFigures(goal.metric, goal.progress, goal.target);
        const label = t(`gamification.goals.${figures.unit}`, { done: figures.done, target: figures.target });
        return (
          <div key={goal.id} className="goal" data-testid="community-goal">
            <p className="goal-title">{localized(goal.title, i18n.language)}</p>
            <ProgressBar value={percent(goal.progress, goal.target)} label={label} testId="goal-progress" />
            <p className="goal-figures">{label}</p>
          </div>
        );
      })}
    </li>
  );
}
