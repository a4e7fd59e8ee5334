import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { Role } from '../../gql/graphql';
import { fieldErrors } from '../graphql/fieldErrors';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { InvitationQr } from './InvitationQr';
import { PendingInvitations } from './PendingInvitations';
import { InvitationCreateMutation, InvitationPlacesQuery } from './operations';
import './joining.css';

interface Place {
  key: string;
  communityId: string;
  teamId: string | null;
  label: string;
}

/**
 * Invite a resident by phone number: a captain to their team, a grid worker or an administrator
 * to the community. The new invitation's QR code and code are shown large, to show on the phone
 * or read out; below, the invitations still waiting, each of which can be taken back.
 */
export function InvitationsScreen({ role, back }: { role: Role; back: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: InvitationPlacesQuery });
  const places: Place[] = (data?.me?.roles ?? []).filter((r) => r.role === role).flatMap((r): Place[] => {
    const scope = r.scope;
    if (scope.__typename === 'Team') return [{ key: scope.id, communityId: scope.community.id, teamId: scope.id, label: `${scope.community.name} · ${r.scopeName}` }];
    if (scope.__typename === 'Grid') return [{ key: scope.community.id, communityId: scope.community.id, teamId: null, label: scope.community.name }];
    if (scope.__typename === 'Community') return [{ key: scope.id, communityId: scope.id, teamId: null, label: r.scopeName }];
    return [];
  }).filter((place, index, all) => all.findIndex((p) => p.key === place.key) === index);
  const [placeKey, setPlaceKey] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<{ byField: Record<string, string>; general: string[] }>({ byField: {}, general: [] });
  const [made, setMade] = useState<{ code: string; name: string } | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const [{ fetching }, create] = useMutation(InvitationCreateMutation);
  const place = places.find((p) => p.key === placeKey) ?? places[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!place) return;
    const result = await create({ input: { communityId: place.communityId, teamId: place.teamId, phone, displayName: name } });
    const payload = result.data?.invitationCreate;
    if (!payload) {
      setProblems({ byField: {}, general: [t(result.error?.networkError ? 'errors.network' : 'joining.notAllowed')] });
      return;
    }
    setProblems(fieldErrors(payload.userErrors, (path) => path === 'phone' || path === 'displayName'));
    if (payload.code && payload.invitation) {
      setMade({ code: payload.code, name: name.trim() });
      setPhone('');
      setName('');
      setListVersion((v) => v + 1);
    }
  }

  return (
    <Page>
      <nav className="back"><Link to={back}>{t('timebank.back')}</Link></nav>
      <h1>{t('joining.invite.title')}</h1>
      <p className="intro">{t('joining.invite.intro')}</p>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {made && (
        <section className="card" aria-labelledby="made-title" data-testid="invitation-made">
          <h2 id="made-title">{t('joining.invite.made', { name: made.name })}</h2>
          <InvitationQr code={made.code} />
          <p className="intro">{t('joining.invite.madeHint')}</p>
        </section>
      )}
      <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-form-title">
        <h2 id="invite-form-title">{t('joining.invite.formTitle')}</h2>
        {problems.general.length > 0 && <div className="problem" role="alert" data-testid="invite-error">{problems.general.map((m) => <p key={m}>{m}</p>)}</div>}
        {places.length > 1 && (
          <label className="field" htmlFor="invite-place">
            <span className="field-label">{t('joining.invite.place')}</span>
            <select id="invite-place" value={place?.key ?? ''} onChange={(e) => setPlaceKey(e.target.value)}>
              {places.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
            </select>
          </label>
        )}
        {places.length === 1 && place && <p className="intro" data-testid="invite-place">{t('joining.invite.to', { place: place.label })}</p>}
        <label className="field" htmlFor="invite-name">
          <span className="field-label">{t('joining.invite.name')}</span>
          <input id="invite-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off"
            aria-invalid={'displayName' in problems.byField || undefined} aria-describedby={problems.byField.displayName ? 'invite-name-error' : undefined} />
        </label>
        {problems.byField.displayName && <p className="problem" id="invite-name-error">{problems.byField.displayName}</p>}
        <label className="field" htmlFor="invite-phone">
          <span className="field-label">{t('joining.invite.phone')}</span>
          <input id="invite-phone" type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off"
            aria-invalid={'phone' in problems.byField || undefined} aria-describedby={problems.byField.phone ? 'invite-phone-error' : undefined} />
        </label>
        {problems.byField.phone && <p className="problem" id="invite-phone-error">{problems.byField.phone}</p>}
        <button type="submit" className="button primary" disabled={fetching || !place} data-testid="invite-submit">
          {t('joining.invite.submit')}
        </button>
      </form>
      <PendingInvitations key={listVersion} />
    </Page>
  );
}

