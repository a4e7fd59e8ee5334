import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import '../../shared/casework/casework.css';
import { useSession } from '../../shared/auth/SessionProvider';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useCaseCommunity } from '../../gridworker/casework/useCaseCommunity';
import { lastMonths } from '../casework/kpiMonths';
import { downloadStatisticsCsv, statisticsCsvPath } from './csv';
import { CommunityStatisticsQuery, StatisticsCommunityQuery } from './operations';
import { describe, StatisticsChart } from './StatisticsChart';
import { StatisticsTables } from './StatisticsTables';
import { hours, TIME_BANK } from './figures';
import './statistics.css';

/** The administrator's statistics of one month: patrol, the time bank and merchants, charted and tabled, and as CSV. */
export function StatisticsScreen() {
  const { t } = useTranslation();
  const { token } = useSession();
  const community = useCaseCommunity();
  const communityId = community.communityId ?? '';
  const [{ data: place, error: placeError }, refetchPlace] = useQuery({ query: StatisticsCommunityQuery, variables: { communityId }, pause: !communityId });
  const info = place?.node && 'timeZone' in place.node ? place.node : null;
  const thisMonth = useMemo(() => lastMonths(new Date(), 1, info?.timeZone ?? 'Asia/Shanghai')[0], [info?.timeZone]);
  const [month, setMonth] = useState('');
  const [gridId, setGridId] = useState('');
  useEffect(() => { if (!month) setMonth(thisMonth); }, [month, thisMonth]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: CommunityStatisticsQuery,
    variables: { communityId, month, gridId: gridId || null },
    pause: !info || !/^\d{4}-\d{2}$/.test(month),
  });
  const [exportFailed, setExportFailed] = useState(false);
  const figures = data?.communityStatistics;
  const weeks = figures?.weeks.map((w) => w.weekStart.slice(5)) ?? [];

  const exportCsv = () => {
    if (!token || !figures) return;
    setExportFailed(false);
    downloadStatisticsCsv(token, statisticsCsvPath(communityId, month, gridId), `statistics-${month}.csv`)
      .catch(() => setExportFailed(true));
  };

  const patrolSeries = figures?.teams.map((team) => ({ name: team.team.name, values: team.weeklyVerifiedPatrolMinutes.map(hours) })) ?? [];
  const turnoutSeries = figures ? [
    { name: t('statistics.activeVolunteers'), values: figures.weeks.map((w) => w.activeVolunteers) },
    { name: t('statistics.shiftsAtRisk'), values: figures.weeks.map((w) => w.shiftsAtRisk) },
    { name: t('statistics.noShows'), values: figures.weeks.map((w) => w.noShows) },
  ] : [];
  const minuteSeries = figures ? TIME_BANK.map((k) => ({ name: t(`statistics.${k}`), values: figures.weeks.map((w) => w[k]) })) : [];
  const merchantNames = figures?.merchants.map((m) => m.merchant.name) ?? [];
  const merchantSeries = figures ? [{ name: t('statistics.redemptions'), values: figures.merchants.map((m) => m.redemptions) }] : [];

  return (
    <Page>
      <div className="statistics">
        <nav className="back">
          <Link to="/admin">{t('timebank.back')}</Link>
        </nav>
        <h1>{t('statistics.title')}{info ? ` · ${info.name}` : ''}</h1>
        <LoadError error={community.error} retry={community.retry} />
        <LoadError error={placeError} retry={() => refetchPlace({ requestPolicy: 'network-only' })} />
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {info && (
          <div className="statistics-controls">
            <label className="field" htmlFor="statistics-month">
              <span className="field-label">{t('statistics.month')}</span>
              <input id="statistics-month" type="month" value={month} min="2000-01" max="2100-12" required
                onChange={(e) => setMonth(e.target.value)} data-testid="statistics-month" />
            </label>
            <label className="field" htmlFor="statistics-grid">
              <span className="field-label">{t('statistics.grid')}</span>
              <select id="statistics-grid" value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="statistics-grid">
                <option value="">{t('statistics.wholeCommunity')}</option>
                {info.grids.map((g) => <option key={g.id} value={g.id}>{`${g.code} ${g.name}`}</option>)}
              </select>
            </label>
            <button type="button" className="button" onClick={exportCsv} disabled={!figures} data-testid="statistics-csv">
              {t('statistics.exportCsv')}
            </button>
          </div>
        )}
        {exportFailed && <p className="error" role="alert" data-testid="statistics-csv-error">{t('statistics.exportFailed')}</p>}
        {fetching && !figures && <p className="notice" role="status">{t('timebank.loading')}</p>}
        {figures && (
          <>
            {gridId && <p className="notice" data-testid="statistics-grid-note">{t('statistics.gridNote')}</p>}
            <dl className="statistics-totals" data-testid="statistics-totals">
              <div><dt>{t('statistics.verifiedHours')}</dt><dd>{hours(figures.verifiedPatrolMinutes)}</dd></div>
              <div><dt>{t('statistics.activeVolunteers')}</dt><dd>{figures.activeVolunteers}</dd></div>
              <div><dt>{t('statistics.shiftsAtRisk')}</dt><dd>{figures.shiftsAtRisk}</dd></div>
              <div><dt>{t('statistics.noShows')}</dt><dd>{figures.noShows}</dd></div>
              {TIME_BANK.map((k) => <div key={k}><dt>{t(`statistics.${k}`)}</dt><dd>{figures[k]}</dd></div>)}
            </dl>
            <div className="statistics-charts">
              <section>
                <h2>{t('statistics.patrolChart')}</h2>
                <StatisticsChart kind="bar" testId="chart-patrol" labels={weeks} series={patrolSeries}
                  label={describe(t('statistics.patrolChart'), weeks, patrolSeries)} />
              </section>
              <section>
                <h2>{t('statistics.turnoutChart')}</h2>
                <StatisticsChart kind="line" testId="chart-turnout" labels={weeks} series={turnoutSeries}
                  label={describe(t('statistics.turnoutChart'), weeks, turnoutSeries)} />
              </section>
              <section>
                <h2>{t('statistics.minutesChart')}</h2>
                <StatisticsChart kind="bar" testId="chart-minutes" labels={weeks} series={minuteSeries}
                  label={describe(t('statistics.minutesChart'), weeks, minuteSeries)} />
              </section>
              <section>
                <h2>{t('statistics.merchantChart')}</h2>
                <StatisticsChart kind="bar" testId="chart-merchants" labels={merchantNames} series={merchantSeries}
                  label={describe(t('statistics.merchantChart'), merchantNames, merchantSeries)} />
              </section>
            </div>
            <StatisticsTables figures={figures} />
          </>
        )}
      </div>
    </Page>
  );
}
