import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ManagedOfferFragment } from '../gql/graphql';
import { type OfferField, type OfferFormValues, fieldOf, formOf, updateInputOf } from './offerForm';
import { OfferUpdateMutation } from './operations';
import './offers.css';

interface Props {
  offer: ManagedOfferFragment;
  onSaved: (offer: ManagedOfferFragment) => void;
  onCancel: () => void;
}

/** Which form input edits which field of OfferUpdateInput. */
type Label = `offers.fields.${'title' | 'discount' | 'description' | 'price' | 'validFrom' | 'validUntil' | 'daily' | 'monthly' | 'stock'}`;

const INPUTS: { name: keyof OfferFormValues; field: OfferField; label: Label; type: string; maxLength?: number }[] = [
  { name: 'title', field: 'title', label: 'offers.fields.title', type: 'text', maxLength: 60 },
  { name: 'discount', field: 'discount', label: 'offers.fields.discount', type: 'text', maxLength: 80 },
  { name: 'description', field: 'description', label: 'offers.fields.description', type: 'text', maxLength: 500 },
  { name: 'price', field: 'priceMinutes', label: 'offers.fields.price', type: 'number' },
  { name: 'validFrom', field: 'validFrom', label: 'offers.fields.validFrom', type: 'datetime-local' },
  { name: 'validUntil', field: 'validUntil', label: 'offers.fields.validUntil', type: 'datetime-local' },
  { name: 'daily', field: 'dailyLimit', label: 'offers.fields.daily', type: 'number' },
  { name: 'monthly', field: 'monthlyLimit', label: 'offers.fields.monthly', type: 'number' },
  { name: 'stock', field: 'stock', label: 'offers.fields.stock', type: 'number' },
];

/**
 * An offer's terms, prefilled, saved through offerUpdate. Times are wall-clock times on the
 * community's clock; each refusal is shown under the input it concerns.
 */
export function OfferEditForm({ offer, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const timeZone = offer.merchant.community.timeZone;
  const [form, setForm] = useState(() => formOf(offer, timeZone));
  const [problems, setProblems] = useState<Partial<Record<OfferField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(OfferUpdateMutation);

  async function save(event: FormEvent) {
    event.preventDefault();
    setGeneral(null);
    const built = updateInputOf(offer, form, timeZone);
    if (!built.input) {
      setProblems(Object.fromEntries(built.problems.map((p) => [p.field, t(p.key)])));
      return;
    }
    const result = await update({ input: built.input });
    const payload = result.data?.offerUpdate;
    if (!payload) {
      setProblems({});
      setGeneral(t('errors.network'));
      return;
    }
    const onFields: Partial<Record<OfferField, string>> = {};
    for (const error of payload.userErrors) {
      const field = fieldOf(error.field);
      if (field) onFields[field] = error.message;
      else setGeneral(error.message);
    }
    setProblems(onFields);
    if (payload.userErrors.length === 0 && payload.offer) onSaved(payload.offer);
  }

  const id = (name: string) => `offer-${offer.id}-${name}`;

  return (
    <form className="login offer-edit" onSubmit={(e) => void save(e)} noValidate data-testid="offer-edit-form">
      <h3>{t('offers.edit.title', { title: offer.title })}</h3>
      {general && <p className="problem" role="alert" data-testid="offer-edit-problem">{general}</p>}
      {INPUTS.map(({ name, field, label, type, maxLength }) => (
        <div key={name} className="field">
          <label className="field-label" htmlFor={id(name)}>{t(label)}</label>
          <input
            id={id(name)}
            name={name}
            type={type}
            inputMode={type === 'number' ? 'numeric' : undefined}
            min={type === 'number' ? 0 : undefined}
            maxLength={maxLength}
            value={form[name]}
            onChange={(e) => setForm({ ...form, [name]: e.target.value })}
            aria-invalid={problems[field] ? true : undefined}
            aria-describedby={problems[field] ? id(`${name}-problem`) : undefined}
            data-testid={`offer-edit-${name}`}
          />
          {problems[field] && (
            <p className="field-problem" id={id(`${name}-problem`)} data-testid={`offer-edit-${name}-problem`}>{problems[field]}</p>
          )}
        </div>
      ))}
      <p className="card-text">{t('offers.edit.timeZone', { zone: timeZone })}</p>
      <div className="offer-edit-actions">
        <button type="submit" className="button primary" disabled={fetching} data-testid="offer-edit-save">{t('offers.edit.save')}</button>
        <button type="button" className="button" onClick={onCancel} data-testid="offer-edit-cancel">{t('offers.edit.cancel')}</button>
      </div>
    </form>
  );
}
