import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CommunitySettings } from '../admin/geo/CommunitySettings';
import { AdministratorsSection } from '../admin/teams/AdministratorsSection';
import { OutcomeLine, useOutcome } from '../captain/patrol/useOutcome';
import '../admin/geo/gridEditor.css';
import {
  CityPlacesQuery, CommunityCreateMutation, DistrictCreateMutation, DistrictRenameMutation, StreetCreateMutation,
  StreetRenameMutation,
} from '../admin/geo/operations';
import { useAccount } from '../shared/auth/account';
import { LoadError } from '../shared/ui/LoadError';
import { Page } from '../shared/ui/Page';

type Payload = { userErrors: { message: string }[] } | null | undefined;

/** A city administrator's city: its districts, their streets and their communities, each added and renamed here. */
export function PlacesScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const cityIds = account.roles.filter((r) => r.role === 'CITY_ADMINISTRATOR').map((r) => r.scope.id);
  const [{ data, error }, refetch] = useQuery({ query: CityPlacesQuery });
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [, createDistrict] = useMutation(DistrictCreateMutation);
  const [, renameDistrict] = useMutation(DistrictRenameMutation);
  const [, createStreet] = useMutation(StreetCreateMutation);
  const [, renameStreet] = useMutation(StreetRenameMutation);
  const [, createCommunity] = useMutation(CommunityCreateMutation);
  const administrators = useOutcome(() => refetch({ requestPolicy: 'network-only' }));

  function outcome(payload: Payload): boolean {
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else {
      setMessage({ text: t('geo.places.saved'), problem: false });
      refetch({ requestPolicy: 'network-only' });
      return true;
    }
    return false;
  }

  const cities = data?.cities.filter((c) => cityIds.includes(c.id)) ?? [];
  return (
    <Page>
      <nav className="back">
        <Link to="/city">{t('timebank.back')}</Link>
      </nav>
      <h1 className="wide-editor">{t('geo.places.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <OutcomeLine outcome={administrators.outcome} />
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="places-message">
          {message.text}
        </p>
      )}
      {cities.map((city) => (
        <section key={city.id} className="card place-tree" aria-labelledby={`city-${city.id}`}>
          <h2 id={`city-${city.id}`} className="card-title">{city.name}</h2>
          <NameForm id={`new-district-${city.id}`} label={t('geo.places.newDistrict')} submit={t('geo.places.add')}
            onSave={async (name) => outcome((await createDistrict({ input: { cityId: city.id, name } })).data?.districtCreate)} />
          <ul>
            {city.districts.map((district) => (
              <li key={district.id}>
                <NameForm id={`district-${district.id}`} label={t('geo.places.district')} initial={district.name} submit={t('geo.places.rename')}
                  onSave={async (name) => outcome((await renameDistrict({ input: { districtId: district.id, name } })).data?.districtRename)} />
                <NameForm id={`new-street-${district.id}`} label={t('geo.places.newStreet', { district: district.name })} submit={t('geo.places.add')}
                  onSave={async (name) => outcome((await createStreet({ input: { districtId: district.id, name } })).data?.streetCreate)} />
                <ul>
                  {district.streets.map((street) => (
                    <li key={street.id}>
                      <NameForm id={`street-${street.id}`} label={t('geo.places.street')} initial={street.name} submit={t('geo.places.rename')}
                        onSave={async (name) => outcome((await renameStreet({ input: { streetId: street.id, name } })).data?.streetRename)} />
                      <NameForm id={`new-community-${street.id}`} label={t('geo.places.newCommunity', { street: street.name })}
                        submit={t('geo.places.add')}
                        onSave={async (name) => outcome((await createCommunity({
                          input: { streetId: street.id, name, timeZone: 'Asia/Shanghai' } })).data?.communityCreate)} />
                      <ul>
                        {street.communities.map((community) => (
                          <li key={community.id}>
                            <CommunitySettings community={community} />
                            {/* a new community's first administrator is appointed by its city's */}
                            <AdministratorsSection communityId={community.id} administrators={community.administrators}
                              report={administrators.report} />
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

interface NameFormProps {
  id: string;
  label: string;
  submit: string;
  initial?: string;
  onSave: (name: string) => Promise<boolean>;
}

/** One name to add or change. */
function NameForm({ id, label, submit, initial = '', onSave }: NameFormProps) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const saved = await onSave(name.trim());
    setBusy(false);
    if (saved && !initial) setName('');
  }
  return (
    <form className="login" noValidate onSubmit={(e) => void save(e)}>
      <label className="field" htmlFor={id}>
        <span className="field-label">{label}</span>
        <input id={id} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="button" disabled={busy || name.trim() === ''}>{submit}</button>
    </form>
  );
}
