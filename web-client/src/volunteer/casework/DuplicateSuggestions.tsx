import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CasePhotoImage } from '../../shared/casework/CasePhotoImage';
import { LoadError } from '../../shared/ui/LoadError';
import { DuplicateSuggestionsQuery } from './operations';

interface Props {
  categoryId: string | null;
  position: { longitude: number; latitude: number } | null;
  busy: boolean;
  onAddTo: (caseId: string) => void;
}

/** Open cases of the chosen kind near the phone, shown before sending, each with "add to this one instead". */
export function DuplicateSuggestions({ categoryId, position, busy, onAddTo }: Props) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: DuplicateSuggestionsQuery,
    variables: { categoryId: categoryId ?? '', position: position ?? { longitude: 0, latitude: 0 } },
    pause: !categoryId || !position || !navigator.onLine,
    requestPolicy: 'cache-and-network',
  });
  const nearby = data?.caseDuplicateSuggestions ?? [];
  if (error) return <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (nearby.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="duplicates-heading" data-testid="duplicate-suggestions">
      <h2 id="duplicates-heading">{t('casework.report.duplicatesTitle')}</h2>
      <p>{t('casework.report.duplicatesText')}</p>
      <ul className="case-list">
        {nearby.map((c) => (
          <li key={c.id} className="case-item" data-testid="duplicate-suggestion">
            <div className="case-head">
              <span className="case-stage">{t(`casework.stage.${c.stage}`)}</span>
              <span className="case-meta">{new Date(c.reportedAt).toLocaleString(i18n.language)}</span>
            </div>
            <p>{c.description}</p>
            {c.photos.length > 0 && (
              <div className="photo-strip">
                {c.photos.map((p, i) => <CasePhotoImage key={p.id} url={p.url} className="small" alt={t('casework.photoAlt', { number: i + 1 })} />)}
              </div>
            )}
            <button type="button" className="button" disabled={busy} onClick={() => onAddTo(c.id)} data-testid="add-to-case">
              {t('casework.report.addToThis')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
