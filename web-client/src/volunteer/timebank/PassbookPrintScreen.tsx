import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PassbookQuery } from './operations';
import { hoursAndMinutes } from './requestKey';
import './timebank.css';
import { LoadError } from '../../shared/ui/LoadError';

/** The passbook as a printable page in large type, like the paper 存折: oldest entry first, one line each. */
export function PassbookPrintScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PassbookQuery, variables: { first: 100 } });
  const passbook = data?.passbook;
  if (!passbook) return error ? <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : <p className="notice">{t('timebank.loading')}</p>;
  const entries = [...passbook.entries.nodes].reverse();
  return (
    <main className="passbook-print" data-testid="passbook-print-page">
      <div className="print-controls">
        <Link to="/volunteer/passbook">{t('timebank.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('timebank.passbook.printNow')}
        </button>
      </div>
      <h1>{t('timebank.passbook.printTitle', { community: passbook.community.name })}</h1>
      <p className="print-owner">{passbook.owner.displayName}</p>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('timebank.passbook.date')}</th>
            <th>{t('timebank.passbook.what')}</th>
            <th>{t('timebank.passbook.in')}</th>
            <th>{t('timebank.passbook.out')}</th>
            <th>{t('timebank.passbook.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={index}>
              <td>{new Date(entry.at as string).toLocaleDateString(i18n.language)}</td>
              <td>{t(`timebank.kind.${entry.kind}`)} · {entry.counterparty}{entry.reason ? ` · ${entry.reason}` : ''}</td>
              <td>{entry.minutes > 0 ? entry.minutes : ''}</td>
              <td>{entry.minutes < 0 ? -entry.minutes : ''}</td>
              <td>{entry.balanceAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-summary">
        {t('timebank.passbook.balance')}: {hoursAndMinutes(passbook.balance, t)} ·{' '}
        {t('timebank.passbook.honour')}: {hoursAndMinutes(passbook.honourMinutes, t)}
      </p>
      {passbook.entries.pageInfo.hasNextPage && <p>{t('timebank.passbook.printLimit')}</p>}
    </main>
  );
}
