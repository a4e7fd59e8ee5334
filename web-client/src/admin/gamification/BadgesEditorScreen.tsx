import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { BadgeIcon } from '../../shared/gamification/BadgeIcon';
import { localized } from '../../shared/gamification/localized';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { EMPTY_BADGE, badgeForm } from './badgeForm';
import { BadgeEditorForm } from './BadgeEditorForm';
import { AdminBadgesQuery, BadgeUpdateMutation } from './operations';
import '../../shared/gamification/gamification.css';
import '../../volunteer/patrol/patrol.css';

/** The administrator's badges: each with its rule, to change or retire, and a form to add one. */
export function BadgesEditorScreen() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: AdminBadgesQuery, variables: { communityId }, pause: !communityId });
  const [, update] = useMutation(BadgeUpdateMutation);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const saved = (text: string) => {
    setEditing(null);
    setAdding(false);
    setMessage({ text, problem: false });
    refetch({ requestPolicy: 'network-only' });
  };
  async function setActive(badgeId: string, active: boolean) {
    const payload = (await update({ input: { badgeId, active } })).data?.badgeUpdate;
    if (!payload) return setMessage({ text: t('errors.network'), problem: true });
    if (payload.userErrors.length > 0) return setMessage({ text: payload.userErrors[0].message, problem: true });
    setMessage({ text: active ? t('gamification.admin.restored') : t('gamification.admin.retired'), problem: false });
  }
  return (
    <Page>
      <nav className="back"><Link to="/admin">{t('patrol.back')}</Link></nav>
      <h1>{t('gamification.admin.badgesTitle')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="badges-message">
          {message.text}
        </p>
      )}
      <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid="badge-add-open">
        {t('gamification.admin.addBadge')}
      </button>
      {adding && <BadgeEditorForm communityId={communityId} initial={EMPTY_BADGE} onSaved={saved} />}
      <ul className="patrol-list">
        {data?.badges.map((badge) => (
          <li key={badge.id} className="patrol-item" data-testid="admin-badge" data-key={badge.key}>
            <div className="badge-item">
              <BadgeIcon name={localized(badge.name, i18n.language)} description={localized(badge.description, i18n.language)}
                metric={badge.rule.metric} locked={!badge.active} />
              <div className="badge-text">
                <span className="badge-name">{badge.name.zhCN} · {badge.name.en}</span>
                <span className="gam-soft">{localized(badge.description, i18n.language)}</span>
                <span>{t('gamification.admin.ruleSummary', {
                  metric: t(`gamification.metric.${badge.rule.metric}`), threshold: badge.rule.threshold,
                  window: t(`gamification.window.${badge.rule.window}`),
                })}</span>
                {!badge.active && <span className="patrol-badge">{t('gamification.admin.retiredLabel')}</span>}
              </div>
            </div>
            <div className="patrol-row">
              <button type="button" className="button" aria-expanded={editing === badge.id}
                onClick={() => setEditing(editing === badge.id ? null : badge.id)}>{t('gamification.admin.edit')}</button>
              <button type="button" className="button" onClick={() => void setActive(badge.id, !badge.active)}>
                {badge.active ? t('gamification.admin.retire') : t('gamification.admin.restore')}
              </button>
            </div>
            {editing === badge.id && (
              <BadgeEditorForm communityId={communityId} badgeId={badge.id} initial={badgeForm(badge)} onSaved={saved} />
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
