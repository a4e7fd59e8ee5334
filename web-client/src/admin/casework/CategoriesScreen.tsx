import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import '../../shared/casework/casework.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { type CategoryValues, CategoryForm, EMPTY_CATEGORY } from './CategoryForm';
import { CategoriesEditQuery, CategoryCreateMutation, CategoryRetireMutation, CategoryUpdateMutation } from './operations';

type Payload = { userErrors: { message: string }[] } | null | undefined;

/** The community's incident categories: add one, change names and deadlines, retire one no longer wanted. */
export function CategoriesScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: CategoriesEditQuery, variables: { communityId }, pause: !communityId });
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [{ fetching: creating }, create] = useMutation(CategoryCreateMutation);
  const [{ fetching: updating }, update] = useMutation(CategoryUpdateMutation);
  const [{ fetching: retiring }, retire] = useMutation(CategoryRetireMutation);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // the answer shows above a long list: bring it into view
  // braces: scrollIntoView may return a promise, which React would take for a clean-up function
  useEffect(() => {
    messageRef.current?.scrollIntoView?.({ block: 'center' });
  }, [message]);

  function outcome(payload: Payload, done: string): boolean {
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else {
      setMessage({ text: done, problem: false });
      refetch({ requestPolicy: 'network-only' });
      return true;
    }
    return false;
  }

  const minutes = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : -1);

  async function add(values: CategoryValues) {
    const result = await create({ input: {
      communityId, nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim(), serviceCode: values.serviceCode.trim(),
      acceptWithinMinutes: minutes(values.acceptWithinMinutes), resolveWithinMinutes: minutes(values.resolveWithinMinutes),
    } });
    if (outcome(result.data?.caseCategoryCreate, t('casework.categories.added'))) setAdding(false);
  }

  async function change(categoryId: string, values: CategoryValues) {
    const result = await update({ input: {
      categoryId, nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim(),
      acceptWithinMinutes: minutes(values.acceptWithinMinutes), resolveWithinMinutes: minutes(values.resolveWithinMinutes),
    } });
    if (outcome(result.data?.caseCategoryUpdate, t('casework.categories.saved'))) setEditing(null);
  }

  async function retireOne(categoryId: string) {
    const result = await retire({ input: { categoryId } });
    outcome(result.data?.caseCategoryRetire, t('casework.categories.retiredDone'));
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/admin">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('casework.categories.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && (
        <p ref={messageRef} className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="categories-message">
          {message.text}
        </p>
      )}
      <button type="button" className="button primary" aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid="category-add">
        {t('casework.categories.add')}
      </button>
      {adding && (
        <CategoryForm initial={EMPTY_CATEGORY} newCategory busy={creating} idPrefix="new" submitLabel={t('casework.categories.create')}
          onSubmit={(v) => void add(v)} />
      )}
      <ul className="case-list">
        {data?.caseCategories.map((c) => (
          <li key={c.id} className="case-item" data-testid="category-item">
            <div className="case-head">
              <strong>{c.nameZh} · {c.nameEn}</strong>
              {c.retired && <span className="case-stage">{t('casework.categories.retired')}</span>}
            </div>
            <p className="case-meta">
              {t('casework.categories.summary', { code: c.serviceCode, accept: c.acceptWithinMinutes, resolve: c.resolveWithinMinutes })}
            </p>
            {!c.retired && (
              <div className="timebank-actions">
                <button type="button" className="button" aria-expanded={editing === c.id}
                  onClick={() => setEditing(editing === c.id ? null : c.id)}>{t('casework.categories.edit')}</button>
                <button type="button" className="button" disabled={retiring} onClick={() => void retireOne(c.id)}>
                  {t('casework.categories.retire')}
                </button>
              </div>
            )}
            {editing === c.id && (
              <CategoryForm
                initial={{ nameZh: c.nameZh, nameEn: c.nameEn, serviceCode: c.serviceCode,
                  acceptWithinMinutes: String(c.acceptWithinMinutes), resolveWithinMinutes: String(c.resolveWithinMinutes) }}
                newCategory={false} busy={updating} idPrefix={`edit-${c.id}`} submitLabel={t('casework.categories.save')}
                onSubmit={(v) => void change(c.id, v)} />
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
