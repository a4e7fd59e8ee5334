import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import './ledgerAdmin.css';
import { type PolicyForm, policyForm, policyInput } from './ledgerForms';
import { TimeBankPolicyQuery, TimeBankPolicyUpdateMutation } from './operations';
import { OutcomeMessage, useOutcome } from './useOutcome';

const FIELDS: (keyof PolicyForm)[] = ['dailyEarningCap', 'totalEarningCap', 'giftMaxMinutes', 'giftMonthlyMinutes', 'correctionApprovalThreshold'];

/** The community's earning policy: caps on credited patrol time, gift limits, and the corrections' approval threshold. */
export function PolicyScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: TimeBankPolicyQuery, variables: { communityId }, pause: !communityId });
  const community = data?.node?.__typename === 'Community' ? data.node : null;
  return (
    <Page>
      <div className="ledger-admin">
        <nav className="back">
          <Link to="/admin">{t('timebank.back')}</Link>
        </nav>
        <h1>{t('ledgerAdmin.policy.title', { community: community?.name ?? '' })}</h1>
        <p className="intro">{t('ledgerAdmin.policy.intro')}</p>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {community && <PolicyEditor key={JSON.stringify(community.timeBankPolicy)} communityId={communityId}
          initial={policyForm(community.timeBankPolicy)} />}
      </div>
    </Page>
  );
}

function PolicyEditor({ communityId, initial }: { communityId: string; initial: PolicyForm }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [{ fetching }, update] = useMutation(TimeBankPolicyUpdateMutation);
  const { outcome, setOutcome, settle } = useOutcome();

  async function save() {
    const read = policyInput(form);
    if ('notWhole' in read) {
      setOutcome({ text: t('ledgerAdmin.policy.notWhole', { field: t(`ledgerAdmin.policy.${read.notWhole}`) }), problem: true });
      return;
    }
    const result = await update({ input: { communityId, ...read.figures } });
    settle(result.data?.timeBankPolicyUpdate, t('ledgerAdmin.policy.saved'));
  }

  return (
    <form className="ledger-form" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="policy-form">
      {FIELDS.map((field) => (
        <label key={field} htmlFor={`policy-${field}`}>
          {t(`ledgerAdmin.policy.${field}`)}
          <input id={`policy-${field}`} inputMode="numeric" value={form[field]} aria-describedby={`policy-${field}-hint`}
            onChange={(e) => setForm({ ...form, [field]: e.target.value })} data-testid={`policy-${field}`} />
          <span id={`policy-${field}-hint`} className="ledger-hint">{t(`ledgerAdmin.policy.${field}Hint`)}</span>
        </label>
      ))}
      <button type="submit" className="button primary" disabled={fetching} data-testid="policy-save">{t('ledgerAdmin.policy.save')}</button>
      <div className="wide"><OutcomeMessage outcome={outcome} testId="policy-message" /></div>
    </form>
  );
}
