import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import { canScan, QrScanner } from '../../shared/ui/QrScanner';
import { AttendanceHistory } from './AttendanceHistory';
import { PositionReporting } from '../PositionReporting';
import { flushPositions } from '../positionSender';
import { CheckInMutation, CheckOutMutation, CheckpointScanMutation, MyPatrolQuery } from './operations';
import { currentPosition, shiftTime } from './time';
import './patrol.css';
import { LoadError } from '../../shared/ui/LoadError';

/** How long before the start check-in opens; the server decides, this only picks which shift to offer. */
const LEAD_MS = 60 * 60 * 1000;

type Message = { text: string; problem: boolean } | null;

/**
 * The big check-in and check-out button, with the phone's position, and while on patrol the checkpoints:
 * their plaque's QR code scanned with the camera, or the code printed under it typed.
 */
export function CheckInScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MyPatrolQuery, requestPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  // shown beside the checkpoint form, which may be far below the top of the screen
  const [visit, setVisit] = useState<Message>(null);
  const [closedAt, setClosedAt] = useState(0);
  const [, checkIn] = useMutation(CheckInMutation);
  const [, checkOut] = useMutation(CheckOutMutation);
  const [, scan] = useMutation(CheckpointScanMutation);
  const client = useClient();
  const open = data?.myOpenCheckIn;
  // positions still queued after a check-out (taken in a dead zone) go as soon as the phone is online again;
  // the server takes them for a while after the check-out
  useEffect(() => {
    if (open) return undefined;
    const online = () => void flushPositions(client);
    online();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [open, client]);
  const now = Date.now();
  // after checking out one may check in to the same shift again (a break, a phone that died)
  const next = data?.myShifts.find((s) => s.status === 'CONFIRMED' && !(s.shift.mySignup?.checkIn && !s.shift.mySignup.checkIn.checkedOutAt)
    && new Date(s.shift.startsAt).getTime() - LEAD_MS <= now && new Date(s.shift.endsAt).getTime() > now)?.shift;
  const shift = open?.shift ?? next;

  async function onTheSpot(kind: 'in' | 'out') {
    if (!shift) return;
    setBusy(true);
    setMessage({ text: t('patrol.checkIn.locating'), problem: false });
    try {
      const fix = await currentPosition();
      // the positions still queued go before the check-out, so that they count for this patrol
      if (kind === 'out') await flushPositions(client);
      const input = { shiftId: shift.id, position: { longitude: fix.longitude, latitude: fix.latitude }, accuracy: fix.accuracy };
      const payload = kind === 'in'
        ? (await checkIn({ input })).data?.shiftCheckIn
        : (await checkOut({ input })).data?.shiftCheckOut;
      if (!payload) {
        setMessage({ text: t('errors.network'), problem: true });
      } else if (payload.userErrors.length > 0) {
        setMessage({ text: payload.userErrors[0].message, problem: true });
      } else {
        setMessage({ text: kind === 'in' ? t('patrol.checkIn.done') : t('patrol.checkIn.outDone'), problem: false });
        refetch({ requestPolicy: 'network-only' });
        if (kind === 'out') setClosedAt(Date.now());
      }
    } catch (e) {
      setMessage({ text: t(`patrol.checkIn.${(e as Error).message === 'denied' ? 'denied' : 'noFix'}`), problem: true });
    } finally {
      setBusy(false);
    }
  }

  // the plaque's QR code carries the same code as is printed under it, so a scan and a typed code are sent alike;
  // either counts only near the plaque, so the phone's latest position fix goes with it
  async function recordCheckpoint(plaque: string) {
    setScanning(false);
    let fix;
    try {
      fix = await currentPosition();
    } catch (e) {
      setVisit({ text: t(`patrol.checkIn.${(e as Error).message === 'denied' ? 'denied' : 'noFix'}`), problem: true });
      return;
    }
    const position = { longitude: fix.longitude, latitude: fix.latitude };
    const payload = (await scan({ input: { code: plaque.trim(), position, accuracy: fix.accuracy } })).data?.checkpointScan;
    if (!payload || payload.userErrors.length > 0) {
      setVisit({ text: payload?.userErrors[0]?.message ?? t('errors.network'), problem: true });
    } else {
      setVisit({ text: t('patrol.checkpoint.visited', { name: payload.checkpoint?.name }), problem: false });
      setCode('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <Page>
      <nav className="back"><Link to="/volunteer">{t('patrol.back')}</Link></nav>
      <h1>{t('patrol.checkIn.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="check-in-message">
          {message.text}
        </p>
      )}
      {shift ? (
        <section className="patrol-section">
          <p className="patrol-when" data-testid="check-in-shift">
            {shift.team.name} · {shiftTime(shift.startsAt, shift.endsAt, shift.team.community.timeZone, i18n.language)}
          </p>
          <p className="intro">{shift.grids.map((g) => g.name).join('、')}</p>
          {open ? (
            <>
              <p className="notice" data-testid="on-patrol">{t('patrol.checkIn.since', { time: new Date(open.checkedInAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) })}</p>
              <PositionReporting active />
              <button type="button" className="button primary patrol-big" disabled={busy} onClick={() => onTheSpot('out')} data-testid="check-out">
                {t('patrol.checkIn.checkOut')}
              </button>
              <div className="patrol-checkpoints">
                {visit && (
                  <p className={visit.problem ? 'problem' : 'notice'} role={visit.problem ? 'alert' : 'status'} data-testid="checkpoint-message">
                    {visit.text}
                  </p>
                )}
                {scanning ? (
                  <QrScanner onCode={recordCheckpoint} onClose={() => setScanning(false)} hint={t('patrol.checkpoint.scanHint')}
                    closeLabel={t('patrol.checkpoint.typeInstead')} testId="checkpoint-scanner" />
                ) : (
                  <form className="patrol-scan" onSubmit={(e) => { e.preventDefault(); void recordCheckpoint(code); }}>
                    {canScan() && (
                      <button type="button" className="button" onClick={() => { setVisit(null); setScanning(true); }}
                        data-testid="checkpoint-scan">
                        {t('patrol.checkpoint.scan')}
                      </button>
                    )}
                    <label className="field" htmlFor="checkpoint-code">
                      <span className="field-label">{t('patrol.checkpoint.code')}</span>
                      <input id="checkpoint-code" value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)}
                        data-testid="checkpoint-code" />
                    </label>
                    <button type="submit" className="button" disabled={!code.trim()} data-testid="checkpoint-record">
                      {t('patrol.checkpoint.record')}
                    </button>
                  </form>
                )}
                {open.visitedCheckpoints.length > 0 && (
                  <p className="intro" data-testid="checkpoints-visited">
                    {t('patrol.checkpoint.list', { names: open.visitedCheckpoints.join('、') })}
                  </p>
                )}
              </div>
            </>
          ) : (
            <button type="button" className="button primary patrol-big" disabled={busy} onClick={() => onTheSpot('in')} data-testid="check-in">
              {t('patrol.checkIn.checkIn')}
            </button>
          )}
        </section>
      ) : (
        <p className="intro" data-testid="no-shift-now">{t('patrol.checkIn.nothingNow')}</p>
      )}
      <AttendanceHistory stamp={closedAt} />
    </Page>
  );
}
