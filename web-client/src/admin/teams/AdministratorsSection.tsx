import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { useOutcome } from '../../captain/patrol/useOutcome';
import { AdministratorAppointMutation, AdministratorRemoveMutation } from './operations';

/** The community's administrators: another is appointed by phone number (they need a Qibao account); the last one stays. */
export function AdministratorsSection({ communityId, administrators, report }: {
  communityId: string;
  administrators: readonly { id: string; displayName: string }[];
  report: ReturnType<typeof useOutcome>['report'];
}) {
  const { t } = useTranslation();
  const [, appoint] = useMutation(AdministratorAppointMutation);
  const [, remove] = useMutation(AdministratorRemoveMutation);
  const [phone, setPhone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await report(appoint({ input: { communityId, phone } }).then((r) => r.data?.communityAdministratorAppoint), t('teams.adminAppointed'))) {
      setPhone('');
    }
  }

  return (
    <section className="card" aria-labelledby={`admins-${communityId}`} data-testid="administrators">
      <h2 id={`admins-${communityId}`}>{t('teams.administrators')}</h2>
      <ul className="teams-people">
        {administrators.map((a) => (
          <li key={a.id} data-testid="administrator">
            <span>{a.displayName}</span>
            <button type="button" className="button"
              onClick={() => void report(remove({ input: { communityId, accountId: a.id } }).then((r) => r.data?.communityAdministratorRemove), t('teams.adminRemoved'))}>
              {t('teams.removeAdmin', { name: a.displayName })}
            </button>
          </li>
        ))}
      </ul>
      <form className="teams-inline" onSubmit={submit} noValidate>
        <label className="field"><span className="field-label">{t('teams.adminPhone')}</span>
          <input type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="admin-phone" /></label>
        <button type="submit" className="button primary" data-testid="admin-appoint">{t('teams.appointAdmin')}</button>
      </form>
      <p className="card-text">{t('teams.adminHint')}</p>
    </section>
  );
}
