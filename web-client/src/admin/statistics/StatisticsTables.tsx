import { useTranslation } from 'react-i18next';
import type { CommunityStatisticsQuery } from '../../gql/graphql';
import { hours, TIME_BANK } from './figures';

type Figures = CommunityStatisticsQuery['communityStatistics'];

/** Every figure the charts show, as tables: the weeks, the teams and the merchants. */
export function StatisticsTables({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="statistics-weeks-caption">
        <table className="data-table" data-testid="statistics-weeks">
          <caption id="statistics-weeks-caption">{t('statistics.weeksTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.week')}</th>
              <th scope="col">{t('statistics.verifiedHours')}</th>
              <th scope="col">{t('statistics.activeVolunteers')}</th>
              <th scope="col">{t('statistics.shiftsAtRisk')}</th>
              <th scope="col">{t('statistics.noShows')}</th>
              {TIME_BANK.map((k) => <th key={k} scope="col">{t(`statistics.${k}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {figures.weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{w.weekStart}</th>
                <td>{hours(w.verifiedPatrolMinutes)}</td>
                <td>{w.activeVolunteers}</td>
                <td>{w.shiftsAtRisk}</td>
                <td>{w.noShows}</td>
                {TIME_BANK.map((k) => <td key={k}>{w[k]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="statistics-teams-caption">
        <table className="data-table" data-testid="statistics-teams">
          <caption id="statistics-teams-caption">{t('statistics.teamsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.team')}</th>
              {figures.weeks.map((w) => <th key={w.weekStart} scope="col">{w.weekStart}</th>)}
              <th scope="col">{t('statistics.monthTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.teams.length === 0 && <tr><td colSpan={figures.weeks.length + 2}>{t('statistics.none')}</td></tr>}
            {figures.teams.map((team) => (
              <tr key={team.team.id}>
                <th scope="row">{team.team.name}</th>
                {team.weeklyVerifiedPatrolMinutes.map((m, i) => <td key={figures.weeks[i].weekStart}>{hours(m)}</td>)}
                <td>{hours(team.verifiedPatrolMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="statistics-merchants-caption">
        <table className="data-table" data-testid="statistics-merchants">
          <caption id="statistics-merchants-caption">{t('statistics.merchantsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.merchant')}</th>
              <th scope="col">{t('statistics.redemptions')}</th>
              <th scope="col">{t('statistics.redemptionMinutes')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.merchants.length === 0 && <tr><td colSpan={3}>{t('statistics.none')}</td></tr>}
            {figures.merchants.map((m) => (
              <tr key={m.merchant.id}>
                <th scope="row">{m.merchant.name}</th>
                <td>{m.redemptions}</td>
                <td>{m.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
