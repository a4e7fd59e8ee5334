import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PassbookQuery } from './operations';
import { hoursAndMinutes } from './requestKey';
import { LoadError } from '../../shared/ui/LoadError';

/** The volunteer home's time-bank card: the balance at a glance, and the ways to use it. */
export function PassbookCard() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PassbookQuery, variables: { first: 1 }, requestPolicy: 'cache-and-network' });
  const passbook = data?.passbook;
  return (
    <li className="card" data-testid="card-volunteer-passbook">
      <h3 className="card-title">{t('timebank.passbook.title')}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {passbook && (
        <p className="card-balance" data-testid="card-passbook-balance">
          {hoursAndMinutes(passbook.balance, t)}
        </p>
      )}
      <div className="timebank-actions">
        <Link className="button" to="/volunteer/passbook" data-testid="open-passbook">{t('timebank.passbook.open')}</Link>
        <Link className="button" to="/volunteer/school" data-testid="open-school">{t('timebank.school.title')}</Link>
        <Link className="button" to="/volunteer/gift" data-testid="open-gift">{t('timebank.gift.title')}</Link>
      </div>
    </li>
  );
}
