import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { GoalsCard } from '../../shared/gamification/GoalsCard';
import { fieldErrors, type FieldErrors } from '../../shared/graphql/fieldErrors';
import { Page } from '../../shared/ui/Page';
import { GOAL_METRICS, goalTarget, monthIn } from './goalForm';
import { AdminCommunityZoneQuery, CommunityGoalSetMutation } from './operations';
import { LoadError } from '../../shared/ui/LoadError';
import '../../shared/gamification/gamification.css';

const KNOWN = new Set(['month', 'metric', 'target', 'titleZhCN', 'titleEn']);
const NONE: FieldErrors = { byField: {}, general: [] };

/** The administrator sets this month's goal for the community; everyone's home shows its bar. */
export function GoalsEditorScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: AdminCommunityZoneQuery, variables: { communityId }, pause: !communityId });
  const timeZone = data?.node?.__typename === 'Community' ? data.node.timeZone : null;
  const [{ fetching }, setGoal] = useMutation(CommunityGoalSetMutation);
  const [form, setForm] = useState({ metric: 'VERIFIED_PATROL_MINUTES', target: '', titleZhCN: '', titleEn: '' });
  const [errors, setErrors] = useState<FieldErrors>(NONE);
  const [saved, setSaved] = useState<string | null>(null);
  const [shown, setShown] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (!timeZone) return;
    const target = goalTarget(form.metric, form.target);
    if (target === null) return setErrors({ byField: { target: t('gamification.admin.wholeNumber') }, general: [] });
    // the goal is for this month where the community is, whatever the phone's own zone
    const month = monthIn(timeZone, new Date());
    const input = { communityId, month, metric: form.metric as (typeof GOAL_METRICS)[number], target, titleZhCN: form.titleZhCN, titleEn: form.titleEn };
    const payload = (await setGoal({ input })).data?.communityGoalSet;
    if (!payload) return setErrors({ byField: {}, general: [t('errors.network')] });
    setErrors(fieldErrors(payload.userErrors, (path) => KNOWN.has(path)));
    if (payload.goal && payload.userErrors.length === 0) {
      setSaved(t('gamification.admin.goalSaved', { month }));
      setShown((n) => n + 1);
    }
  }
  const text = (field: 'titleZhCN' | 'titleEn', max: number) => (
    <div className="field">
      <label className="field-label" htmlFor={`goal-${field}`}>{t(`gamification.admin.goal.${field}`)}</label>
      <input id={`goal-${field}`} type="text" maxLength={max} value={form[field]} aria-invalid={errors.byField[field] ? true : undefined}
        aria-describedby={errors.byField[field] ? `goal-${field}-error` : undefined}
        onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))} data-testid={`goal-${field}`} />
      {errors.byField[field] && <span id={`goal-${field}-error`} className="field-error">{errors.byField[field]}</span>}
    </div>
  );
  return (
    <Page>
      <nav className="back"><Link to="/admin">{t('patrol.back')}</Link></nav>
      <h1>{t('gamification.admin.goalsTitle')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <ul className="cards"><GoalsCard key={shown} communityId={communityId} id="admin-goals-now" /></ul>
      <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate data-testid="goal-form">
        <p className="gam-soft">{t('gamification.admin.goalsText')}</p>
        {errors.general.map((message) => <p key={message} className="problem" role="alert">{message}</p>)}
        {saved && <p className="notice" role="status" data-testid="goal-saved">{saved}</p>}
        <div className="field">
          <label className="field-label" htmlFor="goal-metric">{t('gamification.admin.goal.metric')}</label>
          <select id="goal-metric" value={form.metric} onChange={(e) => setForm((f) => ({ ...f, metric: e.target.value }))} data-testid="goal-metric">
            {GOAL_METRICS.map((m) => <option key={m} value={m}>{t(`gamification.admin.goal.metrics.${m}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="goal-target">
            {t(form.metric === 'VERIFIED_PATROL_MINUTES' ? 'gamification.admin.goal.targetHours' : 'gamification.admin.goal.targetCount')}
          </label>
          <input id="goal-target" type="text" inputMode="numeric" maxLength={8} value={form.target}
            aria-invalid={errors.byField.target ? true : undefined} aria-describedby={errors.byField.target ? 'goal-target-error' : undefined}
            onChange={(e) => setForm((f) => ({ ...f, target: e.target.value }))} data-testid="goal-target" />
          {errors.byField.target && <span id="goal-target-error" className="field-error" data-testid="error-target">{errors.byField.target}</span>}
        </div>
        {text('titleZhCN', 40)}
        {text('titleEn', 80)}
        <button type="submit" className="button primary" disabled={fetching || !timeZone} data-testid="goal-save">{t('gamification.admin.goal.save')}</button>
      </form>
    </Page>
  );
}
