import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { fieldErrors, type FieldErrors } from '../../shared/graphql/fieldErrors';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { AdminLevelsQuery, LevelsSetMutation } from './operations';
import '../../shared/gamification/gamification.css';

interface Row { threshold: string; nameZhCN: string; nameEn: string }

const MAX_LEVELS = 30;
const NONE: FieldErrors = { byField: {}, general: [] };
const COLUMNS = ['threshold', 'nameZhCN', 'nameEn'] as const;

/** The administrator's ladder of levels: the points at which each is reached and its names, saved as a whole. */
export function LevelsEditorScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: AdminLevelsQuery, variables: { communityId }, pause: !communityId });
  const [{ fetching }, save] = useMutation(LevelsSetMutation);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(NONE);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) setRows(data.levels.map((l) => ({ threshold: String(l.threshold), nameZhCN: l.name.zhCN, nameEn: l.name.en })));
  }, [data]);
  const change = (index: number, column: keyof Row, value: string) => {
    setSaved(false);
    setRows((all) => all.map((row, i) => (i === index ? { ...row, [column]: value } : row)));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const notWhole = rows.findIndex((row) => !/^-?\d{1,9}$/.test(row.threshold.trim()));
    if (notWhole >= 0) return setErrors({ byField: { [`levels.${notWhole}.threshold`]: t('gamification.admin.wholeNumber') }, general: [] });
    const levels = rows.map((row) => ({ threshold: Number(row.threshold.trim()), nameZhCN: row.nameZhCN, nameEn: row.nameEn }));
    const payload = (await save({ input: { communityId, levels } })).data?.levelsSet;
    if (!payload) return setErrors({ byField: {}, general: [t('errors.network')] });
    setErrors(fieldErrors(payload.userErrors, (path) => /^levels\.\d+\.(threshold|nameZhCN|nameEn)$/.test(path)));
    setSaved(payload.userErrors.length === 0);
  }

  return (
    <Page>
      <nav className="back"><Link to="/admin">{t('patrol.back')}</Link></nav>
      <h1>{t('gamification.admin.levelsTitle')}</h1>
      <p className="gam-soft">{t('gamification.admin.levelsText')}</p>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && (
        <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate data-testid="levels-form">
          {errors.general.map((message) => <p key={message} className="problem" role="alert">{message}</p>)}
          {saved && <p className="notice" role="status" data-testid="levels-saved">{t('gamification.admin.levelsSaved')}</p>}
          <ol className="badge-list">
            {rows.map((row, index) => (
              <li key={index} className="level-row" data-testid="level-row">
                <h2>{t('gamification.admin.levelNumber', { number: index + 1 })}</h2>
                {COLUMNS.map((column) => {
                  const id = `level-${index}-${column}`;
                  const error = errors.byField[`levels.${index}.${column}`];
                  return (
                    <div key={column} className="field">
                      <label className="field-label" htmlFor={id}>{t(`gamification.admin.level.${column}`)}</label>
                      <input id={id} type="text" inputMode={column === 'threshold' ? 'numeric' : undefined} value={row[column]}
                        maxLength={column === 'nameZhCN' ? 20 : column === 'nameEn' ? 40 : 10}
                        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
                        onChange={(e) => change(index, column, e.target.value)} />
                      {error && <span id={`${id}-error`} className="field-error" data-testid="level-error">{error}</span>}
                    </div>
                  );
                })}
                <button type="button" className="button" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                  {t('gamification.admin.removeLevel')}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="button" disabled={rows.length >= MAX_LEVELS}
            onClick={() => setRows((all) => [...all, { threshold: '', nameZhCN: '', nameEn: '' }])} data-testid="level-add">
            {t('gamification.admin.addLevel')}
          </button>
          <button type="submit" className="button primary" disabled={fetching} data-testid="levels-save">{t('gamification.admin.saveLevels')}</button>
        </form>
      )}
    </Page>
  );
}
