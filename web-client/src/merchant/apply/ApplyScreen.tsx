import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { AppliedShopFragment } from '../../gql/graphql';
import { useAccount } from '../../shared/auth/account';
import { Page } from '../../shared/ui/Page';
import './apply.css';
import { MerchantApplyMutation, MyApplicationsQuery } from './operations';
import { LoadError } from '../../shared/ui/LoadError';
import { NotificationsCard } from '../../shared/notifications/NotificationsCard';

/** The kinds of shop one can apply as; the server keeps the same list. */
export const CATEGORIES = ['BARBER', 'SUPERMARKET', 'OTHER'] as const;

type Form = { communityId: string; name: string; category: string; address: string; latitude: string; longitude: string; contactPhone: string };

/** Where one application stands: pending, approved (with the way into the shop), rejected with the reason. */
function ApplicationStatus({ shop, isStaff }: { shop: AppliedShopFragment; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`card${shop.status === 'PENDING' ? ' shop-pending' : ''}`} data-testid="my-application" data-status={shop.status}>
      <h3 className="card-title">{shop.name}</h3>
      <p className="card-text">{t(`categories.${shop.category}`, { defaultValue: shop.category })} · {shop.community.name} · {shop.address}</p>
      <p className={`shop-status ${shop.status}`} data-testid="my-application-status">{t(`merchantApply.status.${shop.status}`)}</p>
      {shop.application && <p className="card-text">{t('merchantApply.appliedAt', { date: new Date(shop.application.appliedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>}
      {shop.status === 'REJECTED' && shop.application?.rejectionReason && (
        <p className="problem" data-testid="my-application-reason">{t('merchantApply.rejected', { reason: shop.application.rejectionReason })}</p>
      )}
      {shop.status === 'APPROVED' && (
        // a full page load: the account's roles (now with the shop) are read afresh
        isStaff
          ? <Link className="button primary" to="/merchant" data-testid="open-my-shop">{t('merchantApply.openShop')}</Link>
          : <a className="button primary" href="/merchant" data-testid="open-my-shop">{t('merchantApply.openShop')}</a>
      )}
    </li>
  );
}

/** Apply for a shop in a community, and see how earlier applications stand. */
export function ApplyScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const [{ data, error }, refetch] = useQuery({ query: MyApplicationsQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching }, apply] = useMutation(MerchantApplyMutation);
  const home = account.roles.find((r) => r.scope.__typename === 'Community')?.scope.id;
  const communities = data?.communities.nodes ?? [];
  const [form, setForm] = useState<Form>({ communityId: '', name: '', category: 'BARBER', address: '', latitude: '', longitude: '', contactPhone: '' });
  const [message, setMessage] = useState<{ text: string; problem: boolean; field?: string } | null>(null);
  const [locating, setLocating] = useState(false);
  const communityId = form.communityId || home || communities[0]?.id || '';
  const staffOf = new Set(account.roles.filter((r) => r.role === 'MERCHANT_STAFF').map((r) => r.scope.id));

  function field(name: keyof Form) {
    return {
      value: form[name],
      'aria-invalid': message?.field === name || (message?.field === 'location' && (name === 'latitude' || name === 'longitude')) ? true : undefined,
      onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    };
  }

  function locate() {
    if (!navigator.geolocation) {
      setMessage({ text: t('merchantApply.noPosition'), problem: true });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setForm((f) => ({ ...f, latitude: position.coords.latitude.toFixed(6), longitude: position.coords.longitude.toFixed(6) }));
      },
      () => {
        setLocating(false);
        setMessage({ text: t('merchantApply.noPosition'), problem: true });
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const latitude = Number(form.latitude.trim() || NaN);
    const longitude = Number(form.longitude.trim() || NaN);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      setMessage({ text: t('merchantApply.needLocation'), problem: true, field: 'location' });
      return;
    }
    const result = await apply({
      input: {
        communityId,
        name: form.name,
        category: form.category,
        address: form.address,
        location: { latitude, longitude },
        contactPhone: form.contactPhone,
      },
    });
    const payload = result.data?.merchantApply;
    const problem = payload?.userErrors[0];
    if (problem) {
      setMessage({ text: problem.message, problem: true, field: problem.field?.[1] });
    } else if (payload?.merchant) {
      setMessage({ text: t('merchantApply.sent'), problem: false });
      setForm({ ...form, name: '', address: '' });
      refetch({ requestPolicy: 'network-only' });
    } else {
      setMessage({ text: t('errors.network'), problem: true });
    }
  }

  const applications = data?.myMerchantApplications ?? [];
  return (
    <Page>
      <nav className="back">
        <Link to="/">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('merchantApply.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {applications.length > 0 && (
        <section className="shop-section" aria-labelledby="my-applications">
          <h2 id="my-applications">{t('merchantApply.mine')}</h2>
          <ul className="cards">
            {applications.map((shop) => <ApplicationStatus key={shop.id} shop={shop} isStaff={staffOf.has(shop.id)} />)}
            <NotificationsCard />
          </ul>
        </section>
      )}
      <form className="login shop-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('merchantApply.new')}</h2>
        <p className="intro">{t('merchantApply.intro')}</p>
        {message && (
          <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="apply-message">
            {message.text}
          </p>
        )}
        <label className="field"><span className="field-label">{t('merchantApply.community')}</span>
          <select value={communityId} onChange={(e) => setForm({ ...form, communityId: e.target.value })} data-testid="apply-community">
            {communities.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select></label>
        <label className="field"><span className="field-label">{t('merchantApply.name')}</span>
          <input type="text" maxLength={80} {...field('name')} data-testid="apply-name" /></label>
        <label className="field"><span className="field-label">{t('merchantApply.category')}</span>
          <select value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} data-testid="apply-category">
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
          </select></label>
        <label className="field"><span className="field-label">{t('merchantApply.address')}</span>
          <input type="text" maxLength={200} {...field('address')} data-testid="apply-address" /></label>
        <fieldset className="field">
          <legend className="field-label">{t('merchantApply.location')}</legend>
          <button type="button" className="button" onClick={locate} disabled={locating} data-testid="apply-locate">
            {locating ? t('merchantApply.locating') : t('merchantApply.useMyPosition')}
          </button>
          <div className="shop-coordinates">
            <label className="field"><span>{t('merchantApply.latitude')}</span>
              <input type="text" inputMode="decimal" {...field('latitude')} data-testid="apply-latitude" /></label>
            <label className="field"><span>{t('merchantApply.longitude')}</span>
              <input type="text" inputMode="decimal" {...field('longitude')} data-testid="apply-longitude" /></label>
          </div>
        </fieldset>
        <label className="field"><span className="field-label">{t('merchantApply.contactPhone')}</span>
          <input type="tel" autoComplete="tel" maxLength={30} {...field('contactPhone')} data-testid="apply-phone" /></label>
        <button type="submit" className="button primary" disabled={fetching || !communityId} data-testid="apply-submit">
          {t('merchantApply.submit')}
        </button>
      </form>
    </Page>
  );
}
