import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import '../../shared/casework/casework.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { Open311KeyIssueMutation, Open311KeyRevokeMutation, Open311KeysQuery } from './operations';

/** Keys for the city systems that read and post the community's cases through Open311: issue one, see its use, revoke it. */
export function Open311KeysScreen() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: Open311KeysQuery, variables: { communityId }, pause: !communityId });
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [{ fetching: issuing }, issue] = useMutation(Open311KeyIssueMutation);
  const [{ fetching: revoking }, revoke] = useMutation(Open311KeyRevokeMutation);
  const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) : '–');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await issue({ input: { communityId, label: label.trim() } });
    const payload = result.data?.open311KeyIssue;
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors[0].message, problem: true });
    else {
      setIssued(payload.apiKey ?? null);
      setMessage(null);
      setLabel('');
      // an empty list names no type the cache could invalidate: ask again
      refetch({ requestPolicy: 'network-only' });
    }
  }

  async function revokeKey(keyId: string) {
    const result = await revoke({ input: { keyId } });
    const payload = result.data?.open311KeyRevoke;
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors[0].message, problem: true });
    else {
      setMessage({ text: t('casework.open311.revoked'), problem: false });
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/admin">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('casework.open311.title')}</h1>
      <p className="intro">{t('casework.open311.intro')}</p>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="open311-message">{message.text}</p>
      )}
      {issued && (
        <div className="notice" role="status" data-testid="open311-issued">
          <p>{t('casework.open311.issued')}</p>
          <p><code className="api-key">{issued}</code></p>
        </div>
      )}
      <form className="login" onSubmit={submit} noValidate>
        <label className="field" htmlFor="open311-label">
          <span className="field-label">{t('casework.open311.label')}</span>
          <input id="open311-label" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="open311-label" />
        </label>
        <button type="submit" className="button primary" disabled={issuing} data-testid="open311-issue">{t('casework.open311.issue')}</button>
      </form>
      <ul className="case-list">
        {data?.open311Keys.map((k) => (
          <li key={k.id} className="case-item" data-testid="open311-key">
            <div className="case-head">
              <strong>{k.label}</strong>
              {k.revokedAt && <span className="case-stage">{t('casework.open311.isRevoked')}</span>}
            </div>
            <p className="case-meta">{t('casework.open311.used', { issued: when(k.issuedAt), used: when(k.lastUsedAt) })}</p>
            {!k.revokedAt && (
              <button type="button" className="button" disabled={revoking} onClick={() => void revokeKey(k.id)}>{t('casework.open311.revoke')}</button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
