import { useTranslation } from 'react-i18next';
import { changeRows } from './changes';

/** What an entry changed, as a small table: each field with its value before and after. */
export function AuditEntryChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = changeRows(before, after);
  if (rows.length === 0) return null;
  return (
    <table className="audit-changes" data-testid="audit-changes">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={row.before === row.after ? undefined : 'audit-changed'}>
            <th scope="row">{row.field}</th>
            <td>{row.before}</td>
            <td>{row.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
