import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { InvitationQr } from '../../shared/joining/InvitationQr';
import '../../shared/joining/joining.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { RosterImportApplyMutation, RosterImportQuery } from './operations';
import { uploadRoster } from './rosterUpload';

interface Made {
  code: string;
  name: string;
  phone: string;
  team: string | null;
}

/**
 * The community office's roster, for an administrator at a desktop: upload the spreadsheet, see
 * every row with what is wrong with it, apply the valid rows, and print the invitation codes (with
 * QR codes) for the captains to hand out.
 */
export function RosterImportScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [made, setMade] = useState<Made[] | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: RosterImportQuery, variables: { id: previewId ?? '' }, pause: !previewId });
  const [{ fetching: applying }, apply] = useMutation(RosterImportApplyMutation);
  const preview = data?.rosterImport;

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setProblem(t('joining.roster.chooseFile'));
      return;
    }
    setUploading(true);
    const outcome = await uploadRoster(file, communityId);
    setUploading(false);
    setMade(null);
    if (outcome.kind === 'uploaded') {
      setProblem(null);
      setPreviewId(outcome.id);
    } else {
      setPreviewId(null);
      setProblem(outcome.kind === 'refused' ? outcome.message ?? t('errors.unexpected') : t('errors.network'));
    }
  }

  async function applyValidRows() {
    if (!previewId) return;
    const result = await apply({ input: { rosterImportId: previewId } });
    const payload = result.data?.rosterImportApply;
    if (!payload) setProblem(t('errors.network'));
    else if (payload.userErrors.length > 0) setProblem(payload.userErrors[0].message);
    else {
      setMade(payload.invitations.map((i) => ({ code: i.code, name: i.invitation.displayName, phone: i.invitation.phone, team: i.invitation.team?.name ?? null })));
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <Page>
      <div className="roster-import">
        <nav className="back no-print"><Link to="/admin">{t('timebank.back')}</Link></nav>
        <h1>{t('joining.roster.title')}</h1>
        <p className="intro no-print">{t('joining.roster.intro')}</p>
        <form className="card no-print" onSubmit={upload} noValidate>
          <label className="field" htmlFor="roster-file">
            <span className="field-label">{t('joining.roster.file')}</span>
            <input id="roster-file" type="file" accept=".xlsx,.csv" data-testid="roster-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <button type="submit" className="button primary" disabled={uploading || !communityId} data-testid="roster-upload">
            {uploading ? t('joining.roster.uploading') : t('joining.roster.upload')}
          </button>
        </form>
        {problem && <p className="problem" role="alert" data-testid="roster-problem">{problem}</p>}
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {preview && !made && (
          <section aria-labelledby="preview-title" data-testid="roster-preview">
            <h2 id="preview-title">{t('joining.roster.preview', { file: preview.fileName, valid: preview.validRowCount, total: preview.rows.length })}</h2>
            <table className="roster-table">
              <thead>
                <tr>
                  <th scope="col">{t('joining.roster.row')}</th>
                  <th scope="col">{t('joining.roster.name')}</th>
                  <th scope="col">{t('joining.roster.phone')}</th>
                  <th scope="col">{t('joining.roster.team')}</th>
                  <th scope="col">{t('joining.roster.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.errors.length > 0 ? 'roster-row-error' : undefined} data-testid="roster-row" data-valid={row.errors.length === 0}>
                    <td>{row.row}</td>
                    <td>{row.name}</td>
                    <td>{row.phone}</td>
                    <td>{row.team}</td>
                    <td>{row.errors.length === 0 ? t('joining.roster.ok') : row.errors.map((e) => <p key={e.code}>{e.message}</p>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.appliedAt
              ? <p className="notice" role="status">{t('joining.roster.alreadyApplied')}</p>
              : (
                <button type="button" className="button primary" disabled={applying || preview.validRowCount === 0} onClick={applyValidRows} data-testid="roster-apply">
                  {t('joining.roster.apply', { count: preview.validRowCount })}
                </button>
              )}
          </section>
        )}
        {made && (
          <section aria-labelledby="made-title" data-testid="roster-made">
            <h2 id="made-title">{t('joining.roster.made', { count: made.length })}</h2>
            <p className="intro no-print">{t('joining.roster.madeHint')}</p>
            <button type="button" className="button no-print" onClick={() => window.print()}>{t('joining.roster.print')}</button>
            <ul className="roster-codes invitation-list">
              {made.map((m) => (
                <li key={m.code} className="card" data-testid="roster-invitation">
                  <InvitationQr code={m.code} name={m.team ? `${m.name} · ${m.team}` : m.name} />
                  <p className="card-text">{m.phone}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Page>
  );
}
