import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import {
  JoinDecideMutation,
  JoinRequestMutation,
  JoinableTeamsQuery,
  MyPatrolQuery,
  NotificationsQuery,
  SignUpMutation,
  SignupCancelMutation,
} from './operations';
import { shiftTime } from './time';
import './patrol.css';
import { LoadError } from '../../shared/ui/LoadError';

type Message = { text: string; problem: boolean } | null;

/** A volunteer's teams and their upcoming shifts: sign up, cancel, join a team, notifications, calendar. */
export function ShiftsScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MyPatrolQuery, requestPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<Message>(null);
  const [, signUp] = useMutation(SignUpMutation);
  const [, cancel] = useMutation(SignupCancelMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function act(run: () => Promise<{ userErrors: readonly { message: string }[] } | undefined>, done: string) {
    const payload = await run();
    if (!payload) {
      setMessage({ text: t('errors.network'), problem: true });
    } else if (payload.userErrors.length > 0) {
      setMessage({ text: payload.userErrors[0].message, problem: true });
    } else {
      setMessage({ text: done, problem: false });
      reload();
    }
  }

  return (
    <Page>
      <nav className="back"><Link to="/volunteer">{t('patrol.back')}</Link></nav>
      <h1>{t('patrol.shifts.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="patrol-message">
          {message.text}
        </p>
      )}
      {data?.myOpenCheckIn && (
        <Link className="button primary patrol-big" to="/volunteer/check-in" data-testid="go-check-in">{t('patrol.checkIn.onPatrol')}</Link>
      )}
      {data?.myTeams.length === 0 && <p className="intro">{t('patrol.shifts.noTeam')}</p>}
      {data?.myTeams.map((team) => (
        <section key={team.id} className="patrol-section">
          <h2>{team.name}</h2>
          {team.upcomingShifts.length === 0 && <p className="intro">{t('patrol.shifts.none')}</p>}
          <ul className="patrol-list">
            {team.upcomingShifts.map((shift) => {
              const mine = shift.mySignup;
              return (
                <li key={shift.id} className="patrol-item" data-testid="shift">
                  <div className="patrol-when">{shiftTime(shift.startsAt, shift.endsAt, shift.team.community.timeZone, i18n.language)}</div>
                  <div className="patrol-detail">
                    {shift.grids.map((g) => g.name).join('、')} · {t('patrol.shifts.seats', { confirmed: shift.confirmedCount, max: shift.maxPatrollers })}
                    {shift.waitlistCount > 0 && ` · ${t('patrol.shifts.waiting', { count: shift.waitlistCount })}`}
                  </div>
                  {shift.status === 'CANCELLED' ? (
                    <p className="problem">{t('patrol.shifts.cancelled', { reason: shift.cancelReason ?? '' })}</p>
                  ) : mine ? (
                    <div className="patrol-row">
                      <span className="patrol-badge" data-testid="signup-status">{t(`patrol.signup.${mine.status}`)}</span>
                      <button type="button" className="button" data-testid="cancel-signup"
                        onClick={() => act(async () => (await cancel({ input: { shiftId: shift.id } })).data?.shiftSignupCancel, t('patrol.shifts.cancelledMine'))}>
                        {t('patrol.shifts.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="button" data-testid="sign-up"
                      onClick={() => act(async () => (await signUp({ input: { shiftId: shift.id } })).data?.shiftSignUp, t('patrol.shifts.signedUp'))}>
                      {shift.confirmedCount >= shift.maxPatrollers ? t('patrol.shifts.joinWaitlist') : t('patrol.shifts.signUp')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <JoinTeams onDone={reload} setMessage={setMessage} invitations={data?.myInvitations ?? []} />
      <Notifications />
    </Page>
  );
}

function JoinTeams({ onDone, setMessage, invitations }: {
  onDone: () => void;
  setMessage: (m: Message) => void;
  invitations: readonly { id: string; team: { name: string } }[];
}) {
  const { t } = useTranslation();
  const [{ data, error: teamsError }, refetch] = useQuery({ query: JoinableTeamsQuery });
  const [, ask] = useMutation(JoinRequestMutation);
  const [, decide] = useMutation(JoinDecideMutation);
  const teams = data?.communities.nodes.flatMap((c) => c.teams).filter((team) => !team.isMember) ?? [];

  async function run(payload: { userErrors: readonly { message: string }[] } | undefined, done: string) {
    if (!payload || payload.userErrors.length > 0) {
      setMessage({ text: payload?.userErrors[0]?.message ?? t('errors.network'), problem: true });
    } else {
      setMessage({ text: done, problem: false });
      refetch({ requestPolicy: 'network-only' });
      onDone();
    }
  }

  if (teams.length === 0 && invitations.length === 0) {
    return <LoadError error={teamsError} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  return (
    <section className="patrol-section">
      <h2>{t('patrol.join.title')}</h2>
      <ul className="patrol-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="patrol-item" data-testid="my-invitation">
            <div className="patrol-when">{t('patrol.join.invited', { team: invitation.team.name })}</div>
            <div className="patrol-row">
              <button type="button" className="button" data-testid="accept-invitation" onClick={async () => run((await decide({ input: { requestId: invitation.id, approve: true } })).data?.joinRequestDecide, t('patrol.join.accepted'))}>
                {t('patrol.join.accept')}
              </button>
              <button type="button" className="button" onClick={async () => run((await decide({ input: { requestId: invitation.id, approve: false } })).data?.joinRequestDecide, t('patrol.join.declined'))}>
                {t('patrol.join.decline')}
              </button>
            </div>
          </li>
        ))}
        {teams.filter((team) => team.myJoinRequest?.kind !== 'INVITATION').map((team) => (
          <li key={team.id} className="patrol-item">
            <div className="patrol-when">{team.name}</div>
            {team.myJoinRequest ? (
              <span className="patrol-badge">{t('patrol.join.waiting')}</span>
            ) : (
              <button type="button" className="button" onClick={async () => run((await ask({ input: { teamId: team.id } })).data?.teamJoinRequest, t('patrol.join.asked'))}>
                {t('patrol.join.ask')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: NotificationsQuery, requestPolicy: 'cache-and-network' });
  if (!data) {
    return <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  return (
    <section className="patrol-section">
      <h2>{t('patrol.notifications.title')}</h2>
      {data.myNotifications.nodes.length === 0 && <p className="intro">{t('patrol.notifications.none')}</p>}
      <ul className="patrol-list">
        {data.myNotifications.nodes.map((n) => (
          <li key={n.id} className="patrol-item" data-testid="notification">{n.message}</li>
        ))}
      </ul>
      <h2>{t('patrol.calendar.title')}</h2>
      <p className="intro">{t('patrol.calendar.text')}</p>
      <p className="patrol-url" data-testid="calendar-url">{window.location.origin + data.myCalendarUrl}</p>
    </section>
  );
}
