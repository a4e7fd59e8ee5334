import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../shared/auth/SessionProvider';
import { Page } from '../../shared/ui/Page';
import { downloadPassbookCsv } from './csv';
import { PassbookQuery } from './operations';
import { hoursAndMinutes } from './requestKey';
import './timebank.css';
import { LoadError } from '../../shared/ui/LoadError';

const PAGE = 10;

/** The volunteer's passbook (存折): balances at the top, then every entry, newest first, page by page. */
export function PassbookScreen() {
  const { t } = useTranslation();
  const { token } = useSession();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [{ data, error }, refetch] = useQuery({ query: PassbookQuery, variables: { first: PAGE } });
  const passbook = data?.passbook;

  return (
    <Page>
      <nav className="back">
        <Link to="/volunteer">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('timebank.passbook.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && !passbook && <p className="notice">{t('timebank.notVolunteer')}</p>}
      {passbook && (
        <>
          <Balances balance={passbook.balance} available={passbook.available} held={passbook.heldMinutes}
            honour={passbook.honourMinutes} />
          <div className="timebank-actions">
            <Link className="button" to="/volunteer/passbook/print" data-testid="passbook-print">
              {t('timebank.passbook.print')}
            </Link>
            <button type="button" className="button" onClick={() => token && downloadPassbookCsv(token)}
              data-testid="passbook-csv">
              {t('timebank.passbook.csv')}
            </button>
          </div>
          <h2 className="timebank-subheading">{t('timebank.passbook.entries', { count: passbook.entries.totalCount })}</h2>
          <ol className="entries" data-testid="passbook-entries">
            {pages.map((after) => (
              <EntryPage key={after ?? 'first'} after={after} onMore={(cursor) => setPages((p) => [...p, cursor])}
                last={after === pages[pages.length - 1]} />
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}

export function Balances({ balance, available, held, honour }: { balance: number; available: number; held: number; honour: number }) {
  const { t } = useTranslation();
  return (
    <dl className="balances">
      <div className="balance-main">
        <dt>{t('timebank.passbook.balance')}</dt>
        <dd data-testid="passbook-balance" data-minutes={balance}>{hoursAndMinutes(balance, t)}</dd>
      </div>
      <div>
        <dt>{t('timebank.passbook.available')}</dt>
        <dd data-testid="passbook-available">{hoursAndMinutes(available, t)}</dd>
      </div>
      {held > 0 && (
        <div>
          <dt>{t('timebank.passbook.held')}</dt>
          <dd>{hoursAndMinutes(held, t)}</dd>
        </div>
      )}
      <div>
        <dt>{t('timebank.passbook.honour')}</dt>
        <dd data-testid="passbook-honour">{hoursAndMinutes(honour, t)}</dd>
      </div>
    </dl>
  );
}

function EntryPage({ after, last, onMore }: { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PassbookQuery, variables: { first: PAGE, after } });
  const entries = data?.passbook?.entries;
  if (!entries) return error ? <li><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></li> : null;
  return (
    <>
      {entries.nodes.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="entry" data-testid="passbook-entry" data-kind={entry.kind}>
          <div className="entry-what">
            <span className="entry-kind">{t(`timebank.kind.${entry.kind}`)}</span>
            <span className="entry-counterparty">{entry.counterparty}</span>
            {entry.reason && (
              <span className="entry-reason" data-testid="entry-reason">{t('timebank.passbook.reason', { reason: entry.reason })}</span>
            )}
            <time className="entry-at" dateTime={entry.at as string}>
              {new Date(entry.at as string).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </div>
          <div className="entry-figures">
            <span className={entry.minutes < 0 ? 'entry-out' : 'entry-in'} data-testid="entry-minutes">
              {entry.minutes > 0 ? '+' : ''}{hoursAndMinutes(entry.minutes, t)}
            </span>
            <span className="entry-balance" data-testid="entry-balance" data-minutes={entry.balanceAfter}>
              {t('timebank.passbook.after', { balance: hoursAndMinutes(entry.balanceAfter, t) })}
            </span>
          </div>
        </li>
      ))}
      {last && entries.pageInfo.hasNextPage && entries.pageInfo.endCursor && (
        <li className="entry-more">
          <button type="button" className="button" onClick={() => onMore(entries.pageInfo.endCursor!)}>
            {t('timebank.passbook.more')}
          </button>
        </li>
      )}
    </>
  );
}
