import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { useOutcome } from '../../captain/patrol/useOutcome';
import { CaptainAppointMutation, CaptainRemoveMutation } from './operations';

type Person = { id: string; displayName: string };

type TeamOfCommunity = {
  id: string;
  name: string;
  memberCount: number;
  grids: readonly { id: string; code: string; name: string }[];
  captains: readonly Person[];
  members: readonly Person[];
};

/** One team: its grids, members and captains; a captain is appointed from the members or by phone number. */
export function TeamCard({ team, report }: { team: TeamOfCommunity; report: ReturnType<typeof useOutcome>['report'] }) {
  const { t } = useTranslation();
  const [, appoint] = useMutation(CaptainAppointMutation);
  const [, remove] = useMutation(CaptainRemoveMutation);
  const [phone, setPhone] = useState('');
  const captainIds = team.captains.map((c) => c.id);
  const candidates = team.members.filter((m) => !captainIds.includes(m.id));

  async function appointByPhone(event: FormEvent) {
    event.preventDefault();
    if (await report(appoint({ input: { teamId: team.id, phone } }).then((r) => r.data?.teamCaptainAppoint), t('teams.captainAppointed'))) {
      setPhone('');
    }
  }

  return (
    <li className="card" data-testid="admin-team" data-name={team.name}>
      <h3 className="card-title">{team.name}</h3>
      <p className="card-text">
        {team.grids.map((g) => `${g.code} ${g.name}`).join('、')} · {t('teams.members', { count: team.memberCount })}
      </p>
      <h4>{t('teams.captains')}</h4>
      {team.captains.length === 0 && <p className="problem">{t('teams.noCaptain')}</p>}
      <ul className="teams-people">
        {team.captains.map((c) => (
          <li key={c.id} data-testid="team-captain">
            <span>{c.displayName}</span>
            <button type="button" className="button"
              onClick={() => void report(remove({ input: { teamId: team.id, accountId: c.id } }).then((r) => r.data?.teamCaptainRemove), t('teams.captainRemoved'))}>
              {t('teams.removeCaptain', { name: c.displayName })}
            </button>
          </li>
        ))}
        {candidates.map((m) => (
          <li key={m.id}>
            <span>{m.displayName}</span>
            <button type="button" className="button"
              onClick={() => void report(appoint({ input: { teamId: team.id, accountId: m.id } }).then((r) => r.data?.teamCaptainAppoint), t('teams.captainAppointed'))}>
              {t('teams.makeCaptain', { name: m.displayName })}
            </button>
          </li>
        ))}
      </ul>
      <form className="teams-inline" onSubmit={appointByPhone} noValidate>
        <label className="field"><span className="field-label">{t('teams.captainPhone')}</span>
          <input type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="captain-phone" /></label>
        <button type="submit" className="button primary" data-testid="captain-appoint">{t('teams.appointCaptain')}</button>
      </form>
    </li>
  );
}
