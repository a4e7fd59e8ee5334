import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { localized } from '../../shared/gamification/localized';
import { fieldErrors, type FieldErrors } from '../../shared/graphql/fieldErrors';
import { BADGE_METRICS, BADGE_WINDOWS, type BadgeForm, WEEKDAYS, ruleExtra, ruleInput } from './badgeForm';
import { BadgeCreateMutation, BadgeUpdateMutation } from './operations';

const TEXT_FIELDS = ['key', 'nameZhCN', 'nameEn', 'descriptionZhCN', 'descriptionEn'] as const;
const MAX_LENGTH: Record<(typeof TEXT_FIELDS)[number], number> = { key: 40, nameZhCN: 20, nameEn: 40, descriptionZhCN: 200, descriptionEn: 200 };
const KNOWN = new Set<string>([...TEXT_FIELDS, 'rule.metric', 'rule.threshold', 'rule.window', 'rule.beforeTime', 'rule.weekday']);
const NONE: FieldErrors = { byField: {}, general: [] };

interface Props {
  communityId: string;
  /** The badge being changed; absent when adding one. */
  badgeId?: string;
  initial: BadgeForm;
  onSaved: (text: string) => void;
}

/** Adds or changes a badge: its names and description in both languages and the rule that earns it. */
export function BadgeEditorForm({ communityId, badgeId, initial, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(NONE);
  const [{ fetching: creating }, create] = useMutation(BadgeCreateMutation);
  const [{ fetching: updating }, update] = useMutation(BadgeUpdateMutation);
  const set = (field: keyof BadgeForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const extra = ruleExtra(form.metric);
  const prefix = badgeId ? `badge-${badgeId}` : 'badge-new';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const rule = ruleInput(form);
    if ('invalid' in rule) return setErrors({ byField: { [rule.invalid]: t('gamification.admin.wholeNumber') }, general: [] });
    const { key, ...texts } = form;
    const before = ruleInput(initial);
    const ruleChanged = !('rule' in before) || JSON.stringify(before.rule) !== JSON.stringify(rule.rule);
    const result = badgeId
      ? await update({ input: { badgeId, nameZhCN: texts.nameZhCN, nameEn: texts.nameEn, descriptionZhCN: texts.descriptionZhCN,
        descriptionEn: texts.descriptionEn, ...(ruleChanged ? { rule: rule.rule } : {}) } }).then((r) => r.data?.badgeUpdate)
      : await create({ input: { communityId, key, nameZhCN: texts.nameZhCN, nameEn: texts.nameEn, descriptionZhCN: texts.descriptionZhCN,
        descriptionEn: texts.descriptionEn, rule: rule.rule } }).then((r) => r.data?.badgeCreate);
    if (!result) return setErrors({ byField: {}, general: [t('errors.network')] });
    setErrors(fieldErrors(result.userErrors, (path) => KNOWN.has(path)));
    if (result.badge && result.userErrors.length === 0) {
      const name = localized(result.badge.name, i18n.language);
      onSaved(result.backfilledAwards > 0
        ? t('gamification.admin.badgeSaved', { name, count: result.backfilledAwards })
        : t('gamification.admin.badgeSavedNoneYet', { name }));
    }
  }

  function field(path: string, label: string, input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => JSX.Element, hint?: string) {
    const id = `${prefix}-${path.replace('.', '-')}`;
    const error = errors.byField[path];
    const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field" key={path}>
        <label className="field-label" htmlFor={id}>{label}</label>
        {hint && <span id={`${id}-hint`} className="field-hint">{hint}</span>}
        {input({ id, ...(error ? { 'aria-invalid': true } : {}), 'aria-describedby': described })}
        {error && <span id={`${id}-error`} className="field-error" data-testid={`error-${path}`}>{error}</span>}
      </div>
    );
  }

  return (
    <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate data-testid="badge-form">
      {errors.general.map((message) => <p key={message} className="problem" role="alert">{message}</p>)}
      {TEXT_FIELDS.filter((f) => !(badgeId && f === 'key')).map((f) => field(f, t(`gamification.admin.field.${f}`), (props) => (
        <input {...props} type="text" value={form[f]} maxLength={MAX_LENGTH[f]} onChange={(e) => set(f)(e.target.value)} data-testid={`badge-${f}`} />
      ), f === 'key' ? t('gamification.admin.keyHint') : undefined))}
      {field('rule.metric', t('gamification.admin.field.metric'), (props) => (
        <select {...props} value={form.metric} onChange={(e) => set('metric')(e.target.value)} data-testid="badge-metric">
          {BADGE_METRICS.map((m) => <option key={m} value={m}>{t(`gamification.metric.${m}`)}</option>)}
        </select>
      ))}
      {field('rule.threshold', t('gamification.admin.field.threshold'), (props) => (
        <input {...props} type="text" inputMode="numeric" value={form.threshold} maxLength={10}
          onChange={(e) => set('threshold')(e.target.value)} data-testid="badge-threshold" />
      ), t(`gamification.admin.thresholdHint.${form.metric === 'VERIFIED_PATROL_MINUTES' ? 'minutes' : 'count'}`))}
      {field('rule.window', t('gamification.admin.field.window'), (props) => (
        <select {...props} value={form.window} onChange={(e) => set('window')(e.target.value)} data-testid="badge-window">
          {BADGE_WINDOWS.map((w) => <option key={w} value={w}>{t(`gamification.window.${w}`)}</option>)}
        </select>
      ))}
      {extra === 'beforeTime' && field('rule.beforeTime', t('gamification.admin.field.beforeTime'), (props) => (
        <input {...props} type="time" value={form.beforeTime} onChange={(e) => set('beforeTime')(e.target.value)} />
      ))}
      {extra === 'weekday' && field('rule.weekday', t('gamification.admin.field.weekday'), (props) => (
        <select {...props} value={form.weekday} onChange={(e) => set('weekday')(e.target.value)}>
          <option value="">—</option>
          {WEEKDAYS.map((d) => <option key={d} value={d}>{t(`gamification.weekday.${d}`)}</option>)}
        </select>
      ))}
      <button type="submit" className="button primary" disabled={creating || updating} data-testid="badge-save">
        {badgeId ? t('gamification.admin.saveBadge') : t('gamification.admin.addBadge')}
      </button>
    </form>
  );
}
