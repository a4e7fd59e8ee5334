import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ShopStaffFragment } from '../../gql/graphql';
import { useAccount } from '../../shared/auth/account';
import { Page } from '../../shared/ui/Page';
import '../apply/apply.css';
import { MerchantStaffAddMutation, MerchantStaffRemoveMutation, MyShopsStaffQuery } from './operations';
import { LoadError } from '../../shared/ui/LoadError';

type Member = ShopStaffFragment['staff'][number];

/** The shop's staff: its owner adds people by the phone number of their account and removes them after a confirmation. */
export function StaffScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const [{ data, error }, refetch] = useQuery({ query: MyShopsStaffQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: adding }, add] = useMutation(MerchantStaffAddMutation);
  const [{ fetching: removing }, remove] = useMutation(MerchantStaffRemoveMutation);
  const [phone, setPhone] = useState('');
  const [confirming, setConfirming] = useState<Member | null>(null);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const shop = data?.myMerchants[0];
  const isOwner = shop?.application?.applicant.id === account.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!shop) return;
    const result = await add({ input: { merchantId: shop.id, phone } });
    const payload = result.data?.merchantStaffAdd;
    if (payload?.userErrors[0]) {
      setMessage({ text: payload.userErrors[0].message, problem: true });
    } else if (payload?.merchant) {
      const added = payload.merchant.staff.find((m) => !shop.staff.some((s) => s.account.id === m.account.id));
      setMessage({ text: t('merchantStaff.added', { name: added?.displayName ?? phone }), problem: false });
      setPhone('');
      refetch({ requestPolicy: 'network-only' });
    } else {
      setMessage({ text: t('errors.network'), problem: true });
    }
  }

  async function removeMember(member: Member) {
    if (!shop) return;
    const result = await remove({ input: { merchantId: shop.id, accountId: member.account.id } });
    const payload = result.data?.merchantStaffRemove;
    setConfirming(null);
    if (payload?.userErrors[0]) setMessage({ text: payload.userErrors[0].message, problem: true });
    else if (payload?.merchant) setMessage({ text: t('merchantStaff.removed', { name: member.displayName }), problem: false });
    else setMessage({ text: t('errors.network'), problem: true });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/merchant">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('merchantStaff.title')}{shop ? ` · ${shop.name}` : ''}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="staff-message">
          {message.text}
        </p>
      )}
      <ul className="cards">
        {shop?.staff.map((member) => (
          <li key={member.account.id} className="card" data-testid="staff-member" data-name={member.displayName}>
            <h3 className="card-title">
              {member.displayName}
              {member.owner && <span className="area-scope"> · {t('merchantStaff.owner')}</span>}
            </h3>
            {member.phone && <p className="card-text">{member.phone}</p>}
            {isOwner && !member.owner && confirming?.account.id !== member.account.id && (
              <div className="timebank-actions">
                <button type="button" className="button" onClick={() => setConfirming(member)} data-testid="staff-remove">
                  {t('merchantStaff.remove')}
                </button>
              </div>
            )}
            {confirming?.account.id === member.account.id && (
              <div className="problem" role="alertdialog" aria-label={t('merchantStaff.remove')}>
                <p>{t('merchantStaff.confirmRemove', { name: member.displayName })}</p>
                <div className="timebank-actions">
                  <button type="button" className="button primary" disabled={removing} onClick={() => void removeMember(member)}
                    data-testid="staff-remove-confirm">
                    {t('merchantStaff.removeYes')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(null)}>{t('merchantStaff.cancel')}</button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {isOwner ? (
        <form className="login shop-form" onSubmit={(e) => void submit(e)} noValidate>
          <h2>{t('merchantStaff.add')}</h2>
          <label className="field" htmlFor="staff-phone">
            <span className="field-label">{t('merchantStaff.phone')}</span>
            <input id="staff-phone" type="tel" autoComplete="off" maxLength={30} value={phone}
              onChange={(e) => setPhone(e.target.value)} data-testid="staff-phone" />
          </label>
          <button type="submit" className="button primary" disabled={adding || phone.trim() === ''} data-testid="staff-add">
            {t('merchantStaff.addButton')}
          </button>
        </form>
      ) : (
        shop && <p className="notice">{t('merchantStaff.ownerOnly')}</p>
      )}
    </Page>
  );
}
