import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CategoryValues {
  nameZh: string;
  nameEn: string;
  serviceCode: string;
  acceptWithinMinutes: string;
  resolveWithinMinutes: string;
}

export const EMPTY_CATEGORY: CategoryValues = { nameZh: '', nameEn: '', serviceCode: '', acceptWithinMinutes: '60', resolveWithinMinutes: '1440' };

interface Props {
  initial: CategoryValues;
  /** The service code is fixed once a category exists (Open311 clients keep it). */
  newCategory: boolean;
  busy: boolean;
  submitLabel: string;
  idPrefix: string;
  onSubmit: (values: CategoryValues) => void;
}

/** A category's names, Open311 service code and deadlines. */
export function CategoryForm({ initial, newCategory, busy, submitLabel, idPrefix, onSubmit }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const field = (name: keyof CategoryValues, type: 'text' | 'number', hint?: string) => (
    <label className="field" htmlFor={`${idPrefix}-${name}`}>
      <span className="field-label">{t(`casework.categories.${name}`)}</span>
      <input id={`${idPrefix}-${name}`} type={type} inputMode={type === 'number' ? 'numeric' : undefined} value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })} data-testid={`category-${name}`} />
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
  return (
    <form className="login" noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(values); }}>
      {field('nameZh', 'text')}
      {field('nameEn', 'text')}
      {newCategory && field('serviceCode', 'text', t('casework.categories.serviceCodeHint'))}
      {field('acceptWithinMinutes', 'number', t('casework.categories.minutesHint'))}
      {field('resolveWithinMinutes', 'number', t('casework.categories.minutesHint'))}
      <button type="submit" className="button primary" disabled={busy} data-testid="category-save">{submitLabel}</button>
    </form>
  );
}
