import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { LoadError } from '../ui/LoadError';
import { hoursAndMinutes } from '../../volunteer/timebank/requestKey';
import { GoalsCard } from './GoalsCard';
import { GridLocalLegendQuery } from './operations';
import './gamification.css';

/**
 * A grid's "local legend": who walked it most in the last 90 days, as neighbours would say it; with
 * `withGoals`, the grid's community goals after it.
 */
export function LocalLegendCard({ gridId, withGoals = false }: { gridId: string; withGoals?: boolean }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: GridLocalLegendQuery, variables: { gridId }, requestPolicy: 'cache-and-network' });
  const grid = data?.node?.__typename === 'Grid' ? data.node : null;
  return (
    <>
    <li className="card" data-testid="card-local-legend">
      <h3 className="card-title">{t('gamification.legend.title', { grid: grid?.name ?? '' })}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {grid && !grid.localLegend && <p className="card-text">{t('gamification.legend.nobody')}</p>}
      {grid?.localLegend && (
        <p className="legend" data-testid="local-legend">
          <span className="legend-name">{grid.localLegend.displayName}</span>
          <span>{t('gamification.legend.minutes', { time: hoursAndMinutes(grid.localLegend.verifiedMinutes, t) })}</span>
        </p>
      )}
    </li>
    {withGoals && grid && <GoalsCard communityId={grid.community.id} id="gridworker-goals" />}
    </>
  );
}
