import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { MonthKpisFragment } from '../../gql/graphql';
import '../../shared/casework/casework.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useCaseCommunity } from '../../gridworker/casework/useCaseCommunity';
import { KpiChart } from './KpiChart';
import { lastMonths, percent } from './kpiMonths';
import { CaseKpisQuery, KpiCommunityQuery } from './operations';

const RATES = ['closureRate', 'onTimeClosureRate', 'reworkRate', 'extensionRate'] as const;

/** Case KPIs of the community (or one grid) over the last six months: charts, and the same figures as a table. */
export function KpiScreen({ back }: { back: string }) {
  const { t } = useTranslation();
  const community = useCaseCommunity();
  const communityId = community.communityId ?? '';
  const [gridId, setGridId] = useState('');
  const [{ data: place, error: placeError }, refetchPlace] = useQuery({ query: KpiCommunityQuery, variables: { communityId }, pause: !communityId });
  const info = place?.node && 'timeZone' in place.node ? place.node : null;
  const months = useMemo(() => lastMonths(new Date(), 6, info?.timeZone ?? 'Asia/Shanghai'), [info?.timeZone]);
  const [{ data, error }, refetch] = useQuery({
    query: CaseKpisQuery,
    variables: { communityId, gridId: gridId || null, m0: months[0], m1: months[1], m2: months[2], m3: months[3], m4: months[4], m5: months[5] },
    pause: !info,
  });
  const rows: MonthKpisFragment[] = data ? [data.m0, data.m1, data.m2, data.m3, data.m4, data.m5] : [];
  const minutes = (m: number | null | undefined) => (m == null ? '–' : t('timebank.minutes', { count: m }));
  const pct = (r: number | null | undefined) => (percent(r) == null ? '–' : `${percent(r)}%`);

  return (
    <Page>
      <nav className="back">
        <Link to={back}>{t('timebank.back')}</Link>
      </nav>
      <h1>{t('casework.kpi.title')}{info ? ` · ${info.name}` : ''}</h1>
      <LoadError error={community.error} retry={community.retry} />
      <LoadError error={placeError} retry={() => refetchPlace({ requestPolicy: 'network-only' })} />
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {info && (
        <label className="field" htmlFor="kpi-grid">
          <span className="field-label">{t('casework.kpi.grid')}</span>
          <select id="kpi-grid" value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="kpi-grid">
            <option value="">{t('casework.kpi.wholeCommunity')}</option>
            {info.grids.map((g) => <option key={g.id} value={g.id}>{`${g.code} ${g.name}`}</option>)}
          </select>
        </label>
      )}
      {data && (
        <>
          <h2>{t('casework.kpi.rates')}</h2>
          <KpiChart
            label={t('casework.kpi.ratesChart')}
            months={months}
            max={100}
            series={RATES.map((r) => ({ name: t(`casework.kpi.${r}`), values: rows.map((row) => percent(row[r])) }))}
          />
          <h2>{t('casework.kpi.reported')}</h2>
          <KpiChart
            label={t('casework.kpi.reportedChart')}
            months={months}
            series={[{ name: t('casework.kpi.reported'), values: rows.map((row) => row.reported) }]}
          />
          {/* wider than a phone: it scrolls sideways, so it takes the keyboard focus too */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="kpi-table-caption">
            <table className="data-table" data-testid="kpi-table">
              <caption id="kpi-table-caption">{t('casework.kpi.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('casework.kpi.month')}</th>
                  <th scope="col">{t('casework.kpi.reported')}</th>
                  {RATES.map((r) => <th key={r} scope="col">{t(`casework.kpi.${r}`)}</th>)}
                  <th scope="col">{t('casework.kpi.medianAccept')}</th>
                  <th scope="col">{t('casework.kpi.medianClose')}</th>
                  <th scope="col">{t('casework.kpi.satisfaction')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{row.month}</th>
                    <td>{row.reported}</td>
                    {RATES.map((r) => <td key={r}>{pct(row[r])}</td>)}
                    <td>{minutes(row.medianMinutesToAccept)}</td>
                    <td>{minutes(row.medianMinutesToClose)}</td>
                    <td>{row.meanSatisfaction == null ? '–' : row.meanSatisfaction.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
