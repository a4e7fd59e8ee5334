import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CaseClockText } from '../../shared/casework/CaseClockText';
import { CasePhotoImage } from '../../shared/casework/CasePhotoImage';
import '../../shared/casework/casework.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { CaseRateMutation, MyCaseReportsQuery } from './operations';
import { useReportQueue } from './useReportQueue';

/** The volunteer's reports: those still on the phone, then each case with its stage and clock; and what changed. */
export function MyReportsScreen() {
  const { t, i18n } = useTranslation();
  const queue = useReportQueue();
  const [{ data, error }, refetch] = useQuery({ query: MyCaseReportsQuery, variables: { first: 50 }, requestPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [, rate] = useMutation(CaseRateMutation);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // braces: scrollIntoView may return a promise, which React would take for a clean-up function
  useEffect(() => {
    messageRef.current?.scrollIntoView?.({ block: 'center' });
  }, [message]);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  async function rateCase(caseId: string, version: number, satisfaction: number) {
    const result = await rate({ input: { caseId, expectedVersion: version, satisfaction } });
    const payload = result.data?.caseClose;
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors[0].message, problem: true });
    else setMessage({ text: t('casework.mine.rated'), problem: false });
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/volunteer">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('casework.mine.title')}</h1>
      <Link className="button primary" to="/volunteer/report" data-testid="open-report">{t('casework.report.title')}</Link>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && <p ref={messageRef} className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'}>{message.text}</p>}

      {queue.queued.length > 0 && (
        <section aria-labelledby="queued-heading">
          <h2 id="queued-heading">{t('casework.mine.waiting')}</h2>
          <ul className="case-list">
            {queue.queued.map((r) => (
              <li key={r.reportId} className="case-item" data-testid="queued-report">
                <div className="case-head">
                  <strong>{r.categoryName}</strong>
                  <span className="case-meta">{when(r.reportedAt)}</span>
                </div>
                <p>{r.description}</p>
                {r.refusal !== undefined ? (
                  <>
                    <p className="problem" role="alert">{r.refusal || t('casework.report.photoRefused')}</p>
                    <button type="button" className="button" onClick={() => void queue.discard(r.reportId)}>{t('casework.mine.discard')}</button>
                  </>
                ) : (
                  <>
                    <p className="case-meta">{t('casework.mine.notSentYet')}</p>
                    <button type="button" className="button" onClick={() => void queue.flush().then(() => refetch({ requestPolicy: 'network-only' }))}>
                      {t('casework.mine.sendNow')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {data && (
        <section aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">{t('casework.mine.news')}</h2>
          {data.myCaseNotifications.nodes.length === 0 ? <p>{t('casework.mine.noNews')}</p> : (
            <ul className="case-list" data-testid="case-notifications">
              {data.myCaseNotifications.nodes.map((n, i) => (
                <li key={`${n.case.id}-${n.at}-${i}`} className="case-item" data-testid="case-notification">
                  {t('casework.mine.notification', { category: n.case.category.name, what: t(`casework.event.${n.kind}`), stage: t(`casework.stage.${n.stage}`) })}
                  <span className="case-meta">{when(n.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {data && (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t('casework.mine.reports', { count: data.myCaseReports.totalCount })}</h2>
          {data.myCaseReports.nodes.length === 0 && <p>{t('casework.mine.none')}</p>}
          <ul className="case-list">
            {data.myCaseReports.nodes.map((c) => (
              <li key={c.id} className={`case-item${c.overdue ? ' overdue' : ''}`} data-testid="my-report">
                <div className="case-head">
                  <strong>{c.category.name}</strong>
                  <span className="case-stage" data-testid="my-report-stage">{t(`casework.stage.${c.stage}`)}</span>
                </div>
                <p>{c.description}</p>
                <p className="case-meta">{when(c.reportedAt)}{c.grid ? ` · ${c.grid.code}` : ''}</p>
                <CaseClockText dueAt={c.dueAt} overdue={c.overdue} />
                {c.rejectionReason && <p className="case-meta">{t('casework.mine.rejected', { reason: c.rejectionReason })}</p>}
                {c.photos.length > 0 && (
                  <div className="photo-strip">
                    {c.photos.map((p, i) => <CasePhotoImage key={p.id} url={p.url} className="small" alt={t('casework.photoAlt', { number: i + 1 })} />)}
                  </div>
                )}
                {c.stage === 'VERIFIED' && c.satisfaction == null && (
                  <fieldset className="stage-filter">
                    <legend>{t('casework.mine.rate')}</legend>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <button key={n} type="button" className="button" onClick={() => void rateCase(c.id, c.version, n)}
                        aria-label={t('casework.mine.rateNamed', { count: n })}>{'★'.repeat(n)}</button>
                    ))}
                  </fieldset>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
