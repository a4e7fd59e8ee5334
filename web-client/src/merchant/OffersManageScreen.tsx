import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../shared/ui/Page';
import { OfferEditForm } from './OfferEditForm';
import {
  MerchantOffersQuery,
  MyMerchantsQuery,
  OfferCreateMutation,
  OfferEndMutation,
  OfferPauseMutation,
  OfferResumeMutation,
} from './operations';
import { LoadError } from '../shared/ui/LoadError';

const DAY = 86_400_000;

/** Optional whole number from a text field: empty means no limit. */
function limit(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

/** The shop's offers: publish one, edit its terms, pause, resume or end it. */
export function OffersManageScreen() {
  const { t } = useTranslation();
  const [{ data: mine, error: mineError }, refetchMine] = useQuery({ query: MyMerchantsQuery });
  const merchant = mine?.myMerchants[0];
  const [{ data, error }, refetch] = useQuery({
    query: MerchantOffersQuery,
    variables: { merchantId: merchant?.id ?? '' },
    pause: !merchant,
    requestPolicy: 'cache-and-network',
  });
  const [, create] = useMutation(OfferCreateMutation);
  const [, pause] = useMutation(OfferPauseMutation);
  const [, resume] = useMutation(OfferResumeMutation);
  const [, end] = useMutation(OfferEndMutation);
  const [form, setForm] = useState({ title: '', discount: '', description: '', price: '30', days: '30', daily: '1', monthly: '', stock: '' });
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function field(name: keyof typeof form) {
    return { value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!merchant) return;
    const from = new Date();
    const result = await create({
      input: {
        merchantId: merchant.id,
        title: form.title,
        discount: form.discount,
        description: form.description,
        priceMinutes: Number(form.price),
        validFrom: from.toISOString(),
        validUntil: new Date(from.getTime() + Number(form.days) * DAY).toISOString(),
        dailyLimit: limit(form.daily),
        monthlyLimit: limit(form.monthly),
        stock: limit(form.stock),
      },
    });
    const errors = result.data?.offerCreate.userErrors ?? [];
    if (errors.length > 0) {
      setMessage({ text: errors[0].message, problem: true });
    } else if (result.data?.offerCreate.offer) {
      setMessage({ text: t('offers.created'), problem: false });
      setForm({ ...form, title: '', discount: '', description: '' });
      refetch({ requestPolicy: 'network-only' });
    } else {
      setMessage({ text: t('errors.network'), problem: true });
    }
  }

  async function change(action: (variables: { input: { offerId: string } }) => Promise<unknown>, offerId: string) {
    await action({ input: { offerId } });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/merchant">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('offers.title')}{merchant ? ` · ${merchant.name}` : ''}</h1>
      <LoadError error={mineError} retry={() => refetchMine({ requestPolicy: 'network-only' })} />
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {saved && <p className="notice" role="status" data-testid="offer-saved">{saved}</p>}
      <ul className="cards">
        {data?.merchantOffers.map((offer) => editing === offer.id ? (
          <li key={offer.id}>
            <OfferEditForm
              offer={offer}
              onCancel={() => setEditing(null)}
              onSaved={(changed) => {
                setEditing(null);
                setSaved(t('offers.edit.saved', { title: changed.title }));
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          </li>
        ) : (
          <li key={offer.id} className="card" data-testid="managed-offer" data-title={offer.title}>
            <h3 className="card-title">{offer.title} · {offer.discount}</h3>
            <p className="card-text">
              {t('redeem.price', { minutes: offer.priceMinutes })} · {t(`offers.status.${offer.status}`)}
              {offer.stockLeft != null && ` · ${t('redeem.stockLeft', { count: offer.stockLeft })}`}
            </p>
            <p className="card-text">{t('offers.until', { date: new Date(offer.validUntil).toLocaleDateString() })}</p>
            <div className="timebank-actions">
              <button type="button" className="button" onClick={() => { setSaved(null); setEditing(offer.id); }} data-testid="offer-edit">{t('offers.edit.open')}</button>
              {offer.status === 'ACTIVE' && <button type="button" className="button" onClick={() => change(pause, offer.id)}>{t('offers.pause')}</button>}
              {offer.status === 'PAUSED' && <button type="button" className="button" onClick={() => change(resume, offer.id)}>{t('offers.resume')}</button>}
              <button type="button" className="button" onClick={() => change(end, offer.id)}>{t('offers.end')}</button>
            </div>
          </li>
        ))}
      </ul>
      <form className="login" onSubmit={submit} noValidate>
        <h2>{t('offers.new')}</h2>
        {message && <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'}>{message.text}</p>}
        <label className="field"><span className="field-label">{t('offers.fields.title')}</span><input type="text" maxLength={60} {...field('title')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.discount')}</span><input type="text" maxLength={80} {...field('discount')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.description')}</span><input type="text" maxLength={500} {...field('description')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.price')}</span><input type="number" inputMode="numeric" min={1} {...field('price')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.days')}</span><input type="number" inputMode="numeric" min={1} {...field('days')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.daily')}</span><input type="number" inputMode="numeric" min={1} {...field('daily')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.monthly')}</span><input type="number" inputMode="numeric" min={1} {...field('monthly')} /></label>
        <label className="field"><span className="field-label">{t('offers.fields.stock')}</span><input type="number" inputMode="numeric" min={0} {...field('stock')} /></label>
        <button type="submit" className="button primary" disabled={!merchant}>{t('offers.publish')}</button>
      </form>
    </Page>
  );
}
