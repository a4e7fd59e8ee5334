import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CommunityUpdateMutation } from './operations';

interface Props {
  community: { id: string; name: string; timeZone: string };
}

/** A community's name and the IANA time zone its schedules are written in. */
export function CommunitySettings({ community }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(community.name);
  const [timeZone, setTimeZone] = useState(community.timeZone);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [{ fetching }, update] = useMutation(CommunityUpdateMutation);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await update({ input: { communityId: community.id, name: name.trim(), timeZone: timeZone.trim() } });
    const payload = result.data?.communityUpdate;
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else setMessage({ text: t('geo.community.saved'), problem: false });
  }

  return (
    <section className="card" aria-labelledby="community-settings-title" data-testid="community-settings">
      <h2 id="community-settings-title" className="card-title">{t('geo.community.title')}</h2>
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'}>{message.text}</p>
      )}
      <form className="login" noValidate onSubmit={(e) => void save(e)}>
        <label className="field" htmlFor={`community-name-${community.id}`}>
          <span className="field-label">{t('geo.community.name')}</span>
          <input id={`community-name-${community.id}`} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field" htmlFor={`community-zone-${community.id}`}>
          <span className="field-label">{t('geo.community.timeZone')}</span>
          <input id={`community-zone-${community.id}`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
          <span className="field-hint">{t('geo.community.timeZoneHint')}</span>
        </label>
        <button type="submit" className="button primary" disabled={fetching}>{t('geo.community.save')}</button>
      </form>
    </section>
  );
}
