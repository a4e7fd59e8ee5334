import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { uploadCasePhoto } from '../../shared/casework/photoUpload';
import '../../shared/casework/casework.css';
import { browserStorage } from '../../shared/storage';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { cacheCategories, cachedCategories } from './categoryCache';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import { CaseInfoAddMutation, ReportCategoriesQuery } from './operations';
import { PhotoPicker } from './PhotoPicker';
import { newReportId } from './reportQueue';
import { useHerePosition } from './useHerePosition';
import { useReportQueue } from './useReportQueue';

const MAX_DESCRIPTION = 1000;

type Outcome = { kind: 'sent' | 'queued' | 'added' | 'problem'; text: string };

/** Report an incident: what kind, what happened, where the phone is, photos; sent now or when back online. */
export function ReportScreen() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'VOLUNTEER')?.scope?.id ?? '';
  const storage = useMemo(browserStorage, []);
  const [{ data, error }, refetch] = useQuery({ query: ReportCategoriesQuery, variables: { communityId }, pause: !communityId });
  const fetched = data?.caseCategories;
  useEffect(() => {
    if (fetched) cacheCategories(storage, communityId, i18n.language, fetched);
  }, [fetched, storage, communityId, i18n.language]);
  const categories = fetched ?? cachedCategories(storage, communityId, i18n.language);
  const here = useHerePosition();
  const queue = useReportQueue();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [, addInfo] = useMutation(CaseInfoAddMutation);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  // the answer appears at the top of a long form: bring it to the eyes (and the screen reader) at once
  useEffect(() => {
    outcomeRef.current?.scrollIntoView?.({ block: 'center' });
    outcomeRef.current?.focus();
  }, [outcome]);

  function reset() {
    setCategoryId(null);
    setDescription('');
    setPhotos([]);
    setAnonymous(false);
  }

  function missing(): string | null {
    if (!categoryId) return t('casework.report.chooseCategory');
    if (description.trim().length === 0) return t('casework.report.describe');
    if (!here.position) return t('casework.report.needPosition');
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = missing();
    if (problem || !categoryId || !here.position) {
      setOutcome({ kind: 'problem', text: problem ?? '' });
      return;
    }
    setBusy(true);
    const reportId = newReportId();
    const result = await queue.add({
      reportId,
      accountId: account.id,
      categoryId,
      categoryName: categories.find((c) => c.id === categoryId)?.name ?? '',
      description: description.trim(),
      position: here.position,
      reportedAt: new Date().toISOString(),
      anonymous,
      photos: photos.map((blob) => ({ blob })),
    });
    setBusy(false);
    const refused = result.refused.find((r) => r.reportId === reportId);
    if (refused) {
      // refused as written: the person corrects it here, so it does not wait in the queue
      await queue.discard(reportId);
      setOutcome({ kind: 'problem', text: refused.message || t('casework.report.photoRefused') });
    } else if (result.sent.some((s) => s.reportId === reportId)) {
      setOutcome({ kind: 'sent', text: t('casework.report.sent') });
      reset();
    } else {
      setOutcome({ kind: 'queued', text: t('casework.report.queued') });
      reset();
    }
  }

  async function addToCase(caseId: string) {
    if (description.trim().length === 0) {
      setOutcome({ kind: 'problem', text: t('casework.report.describe') });
      return;
    }
    setBusy(true);
    const photoIds: string[] = [];
    for (const photo of photos) {
      const upload = await uploadCasePhoto(photo);
      if (upload.kind !== 'uploaded') {
        setBusy(false);
        setOutcome({ kind: 'problem', text: upload.kind === 'refused' && upload.message ? upload.message : t('casework.report.addOffline') });
        return;
      }
      photoIds.push(upload.id);
    }
    const result = await addInfo({ input: { caseId, note: description.trim(), photoIds } });
    setBusy(false);
    const payload = result.data?.caseInfoAdd;
    if (!payload) setOutcome({ kind: 'problem', text: t('casework.report.addOffline') });
    else if (payload.userErrors.length > 0) setOutcome({ kind: 'problem', text: payload.userErrors[0].message });
    else {
      setOutcome({ kind: 'added', text: t('casework.report.added') });
      reset();
    }
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/volunteer">{t('timebank.back')}</Link>
      </nav>
      <form className="login" onSubmit={submit} noValidate aria-labelledby="report-title">
        <h1 id="report-title">{t('casework.report.title')}</h1>
        {!fetched && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
        {outcome && (
          <p ref={outcomeRef} tabIndex={-1} className={outcome.kind === 'problem' ? 'problem' : 'notice'}
            role={outcome.kind === 'problem' ? 'alert' : 'status'} data-testid="report-outcome" data-outcome={outcome.kind}>
            {outcome.text}
            {outcome.kind !== 'problem' && <Link to="/volunteer/reports"> {t('casework.report.seeMine')}</Link>}
          </p>
        )}
        <fieldset className="category-picker" data-testid="category-picker">
          <legend>{t('casework.report.category')}</legend>
          {categories.map((c) => (
            <button key={c.id} type="button" className="category-button" aria-pressed={categoryId === c.id}
              onClick={() => setCategoryId(c.id)} data-testid="category">
              {c.name}
            </button>
          ))}
        </fieldset>
        <label className="field" htmlFor="report-description">
          <span className="field-label">{t('casework.report.description')}</span>
          <textarea id="report-description" maxLength={MAX_DESCRIPTION} value={description}
            onChange={(e) => setDescription(e.target.value)} data-testid="report-description" />
        </label>
        <p className={here.status === 'found' ? 'intro' : 'problem'} role="status" data-testid="report-position" data-status={here.status}>
          {t(`casework.report.position.${here.status}`)}
          {(here.status === 'denied' || here.status === 'unsupported') && (
            <button type="button" className="button" onClick={here.locate}>{t('app.retry')}</button>
          )}
        </p>
        <PhotoPicker photos={photos} onChange={setPhotos} />
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="report-anonymous" />
          <span>{t('casework.report.anonymous')}</span>
        </label>
        <DuplicateSuggestions categoryId={categoryId} position={here.position} busy={busy} onAddTo={(id) => void addToCase(id)} />
        <button type="submit" className="button primary" disabled={busy} data-testid="report-submit">
          {busy ? t('casework.report.sending') : t('casework.report.submit')}
        </button>
      </form>
    </Page>
  );
}
