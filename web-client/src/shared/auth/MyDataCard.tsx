import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { LoadError } from '../ui/LoadError';
import { downloadMyData, orderedSections } from './myData';
import { useSession } from './SessionProvider';

const MyDataQuery = graphql(`
  query MyData {
    myData {
      name
      count
    }
  }
`);

const AccountDeleteMutation = graphql(`
  mutation AccountDelete($input: AccountDeleteInput!) {
    accountDelete(input: $input) {
      deleted
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** What Qibao keeps about the person (China's PIPL): a summary, the whole of it as a file, and deleting it. */
export function MyDataCard() {
  const { t } = useTranslation();
  const { token } = useSession();
  const [{ data, error }, refetch] = useQuery({ query: MyDataQuery, requestPolicy: 'network-only' });
  const [downloadFailed, setDownloadFailed] = useState(false);

  async function download() {
    setDownloadFailed(false);
    try {
      if (token) await downloadMyData(token);
    } catch {
      setDownloadFailed(true);
    }
  }

  return (
    <section className="card" aria-labelledby="my-data-title" data-testid="my-data">
      <h2 id="my-data-title">{t('accountCare.myData.title')}</h2>
      <p className="card-text">{t('accountCare.myData.intro')}</p>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && (
        <dl className="data-summary" data-testid="my-data-summary">
          {orderedSections(data.myData).map((section) => (
            <div key={section.name} style={{ display: 'contents' }}>
              <dt>{t(`accountCare.myData.sections.${section.name}`, { defaultValue: section.name })}</dt>
              <dd data-testid={`my-data-${section.name}`}>{section.count}</dd>
            </div>
          ))}
        </dl>
      )}
      {downloadFailed && <p className="problem" role="alert">{t('accountCare.myData.downloadFailed')}</p>}
      <button type="button" className="button" data-testid="my-data-download" onClick={() => void download()}>
        {t('accountCare.myData.download')}
      </button>
      <DeleteMyData />
    </section>
  );
}

function DeleteMyData() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, erase] = useMutation(AccountDeleteMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setProblem(t('errors.passwordRequired'));
      return;
    }
    setProblem(null);
    const result = await erase({ input: { password } });
    const payload = result.data?.accountDelete;
    if (payload?.deleted) signOut();
    else if (payload && payload.userErrors.length > 0) setProblem(payload.userErrors[0].message);
    else setProblem(t(result.error?.networkError ? 'errors.network' : 'errors.unexpected'));
  }

  if (!open) {
    return (
      <button type="button" className="button secondary" data-testid="delete-open" onClick={() => setOpen(true)}>
        {t('accountCare.delete.open')}
      </button>
    );
  }
  return (
    <form className="login" onSubmit={submit} noValidate aria-labelledby="delete-title">
      <h3 id="delete-title">{t('accountCare.delete.title')}</h3>
      <p>{t('accountCare.delete.whatHappens')}</p>
      <ul className="card-text" data-testid="delete-consequences">
        <li>{t('accountCare.delete.erased')}</li>
        <li>{t('accountCare.delete.minutes')}</li>
        <li>{t('accountCare.delete.reports')}</li>
        <li>{t('accountCare.delete.signOut')}</li>
        <li>{t('accountCare.delete.again')}</li>
      </ul>
      <p>{t('accountCare.delete.downloadFirst')}</p>
      {problem && <p className="problem" role="alert" id="delete-error" data-testid="delete-error">{problem}</p>}
      <label className="field" htmlFor="delete-password">
        <span className="field-label">{t('login.password')}</span>
        <input id="delete-password" type="password" autoComplete="current-password" value={password}
          onChange={(event) => setPassword(event.target.value)} aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'delete-error' : undefined} />
      </label>
      <button type="submit" className="button primary" data-testid="delete-submit" disabled={fetching}>
        {t('accountCare.delete.submit')}
      </button>
      <button type="button" className="button secondary" data-testid="delete-cancel" onClick={() => setOpen(false)}>
        {t('accountCare.delete.cancel')}
      </button>
    </form>
  );
}
