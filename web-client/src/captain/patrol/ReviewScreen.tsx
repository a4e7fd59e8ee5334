import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import { shiftTime } from '../../volunteer/patrol/time';
import { ApproveMutation, CaptainReviewQuery, NoShowClearMutation, RejectMutation } from './operations';
import { OutcomeLine, useOutcome } from './useOutcome';
import '../../volunteer/patrol/patrol.css';
import { LoadError } from '../../shared/ui/LoadError';

/** Doubtful attendance to approve (with minutes) or reject (with a reason), and no-shows to clear. */
export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CaptainReviewQuery, requestPolicy: 'cache-and-network' });
  const { outcome, report } = useOutcome(() => refetch({ requestPolicy: 'network-only' }));
  const [, approve] = useMutation(ApproveMutation);
  const [, reject] = useMutation(RejectMutation);
  const [, clear] = useMutation(NoShowClearMutation);
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});

  return (
    <Page>
      <nav className="back"><Link to="/captain">{t('patrol.back')}</Link></nav>
      <h1>{t('captain.review.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <OutcomeLine outcome={outcome} />
      {data?.reviewQueue.length === 0 && <p className="intro" data-testid="review-empty">{t('patrol.review.none')}</p>}
      <ul className="patrol-list">
        {data?.reviewQueue.map((a) => (
          <li key={a.id} className="patrol-item" data-testid="review-item">
            <div className="patrol-when">{a.volunteer.displayName}</div>
            <div className="patrol-detail">
              {a.shift.team.name} · {shiftTime(a.shift.startsAt, a.shift.endsAt, a.shift.team.community.timeZone, i18n.language)}
            </div>
            <div className="patrol-detail" data-testid="review-reason">
              {a.reviewReason && t(`patrol.review.reason.${a.reviewReason}`)} · {t('patrol.review.minutes', { checkedIn: a.checkedInMinutes, covered: a.coveredMinutes })}
            </div>
            {a.viewerCanReview ? (
              <>
                <label className="field"><span className="field-label">{t('patrol.review.approveMinutes')}</span>
                  <input type="number" inputMode="numeric" min={0} max={a.checkedInMinutes} data-testid="approve-minutes"
                    value={minutes[a.id] ?? String(a.checkedInMinutes)} onChange={(e) => setMinutes({ ...minutes, [a.id]: e.target.value })} /></label>
                <button type="button" className="button primary" data-testid="approve"
                  onClick={() => report(approve({ input: { attendanceId: a.id, minutes: Number(minutes[a.id] ?? a.checkedInMinutes) } })
                    .then((r) => r.data?.attendanceApprove), t('patrol.review.approved'))}>
                  {t('patrol.review.approve')}
                </button>
                <label className="field"><span className="field-label">{t('patrol.review.rejectReason')}</span>
                  <input value={reasons[a.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [a.id]: e.target.value })} /></label>
                <button type="button" className="button"
                  onClick={() => report(reject({ input: { attendanceId: a.id, reason: reasons[a.id] ?? '' } })
                    .then((r) => r.data?.attendanceReject), t('patrol.review.rejected'))}>
                  {t('patrol.review.reject')}
                </button>
              </>
            ) : (
              // nobody reviews their own patrol: say who does instead of offering buttons that would be refused
              <p className="notice" data-testid="review-own">{t('patrol.review.own')}</p>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('patrol.noShows.title')}</h2>
      {data?.noShows.length === 0 && <p className="intro">{t('patrol.noShows.none')}</p>}
      <ul className="patrol-list">
        {data?.noShows.map((n) => (
          <li key={n.id} className="patrol-item">
            <div className="patrol-when">{n.volunteer.displayName}</div>
            <div className="patrol-detail">{shiftTime(n.shift.startsAt, n.shift.endsAt, n.shift.team.community.timeZone, i18n.language)}</div>
            {n.clearedAt ? (
              <div className="patrol-detail">{t('patrol.noShows.cleared', { reason: n.clearReason })}</div>
            ) : (
              <button type="button" className="button" onClick={() => {
                const reason = window.prompt(t('patrol.noShows.reason'));
                if (reason) void report(clear({ input: { noShowId: n.id, reason } }).then((r) => r.data?.noShowClear), t('patrol.noShows.clearedNow'));
              }}>{t('patrol.noShows.clear')}</button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
