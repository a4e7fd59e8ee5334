import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { LoadError } from '../shared/ui/LoadError';

const AtRiskShiftsQuery = graphql(`
  query GridWorkerAtRiskShifts {
    atRiskShifts {
      id
      startsAt
      minPatrollers
      confirmedCount
      team { name }
      grids { code }
    }
  }
`);

/** Shifts in the grid worker's grids that start soon with too few patrollers signed up. */
export function AtRiskShiftsCard() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: AtRiskShiftsQuery, requestPolicy: 'cache-and-network' });
  const time = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const shifts = data?.atRiskShifts ?? [];
  return (
    <li className="card" data-testid="card-gridworker-at-risk">
      <h3 className="card-title">{t('gridworker.atRisk.title')}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && shifts.length === 0 && <p className="card-text">{t('gridworker.atRisk.none')}</p>}
      {shifts.length > 0 && (
        <ul className="card-text" data-testid="at-risk-shifts">
          {shifts.map((shift) => (
            <li key={shift.id}>
              {t('gridworker.atRisk.shift', {
                when: time.format(new Date(shift.startsAt)),
                team: shift.team.name,
                grids: shift.grids.map((grid) => grid.code).join(', '),
                confirmed: shift.confirmedCount,
                min: shift.minPatrollers,
              })}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
