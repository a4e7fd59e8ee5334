import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import './audit.css';
import { AuditEntryChanges } from './AuditEntryChanges';
import { dayRange } from './changes';
import { AuditLogQuery } from './operations';

/** The actions the audit log has names for; others still show, under their own `module.verb`. */
export const KNOWN_ACTIONS = [
  'merchant.merchantApprove', 'merchant.merchantReject', 'merchant.merchantSuspend', 'merchant.merchantReinstate',
  'merchant.merchantStaffAdd', 'merchant.merchantStaffRemove',
  'casework.caseCategoryCreate', 'casework.caseCategoryUpdate', 'casework.caseCategoryRetire',
  'casework.departmentCreate', 'casework.caseExtensionDecide', 'casework.open311KeyIssue', 'casework.open311KeyRevoke',
  'gamification.levelsSet', 'gamification.communityGoalSet', 'gamification.badgeCreate', 'gamification.badgeUpdate',
  'gamification.streakPauseSet',
] as const;

type KnownAction = (typeof KNOWN_ACTIONS)[number];
type Underscored<A extends string> = A extends `${infer M}.${infer V}` ? `${M}_${V}` : never;

/** The translation key of an action's name (i18n keys cannot hold the action's dot). */
function actionKey<A extends KnownAction>(action: A) {
  return `audit.actions.${action.replace('.', '_') as Underscored<A>}` as const;
}

const PAGE = 20;

/** The community's audit log for its administrator: who did what and when, filtered and paged, newest first. */
export function AuditLogScreen() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [people, setPeople] = useState<Record<string, string>>({});
  const range = dayRange(fromDay, toDay);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AuditLogQuery,
    variables: { communityId, first: PAGE, after: cursors[cursors.length - 1], action: action || undefined,
      actorId: actorId || undefined, from: range.from, to: range.to },
    pause: !communityId,
  });
  const log = data?.auditLog;
  // the people filter offers everyone seen in the log so far
  useEffect(() => {
    if (!log) return;
    setPeople((known) => {
      const more = log.nodes.filter((e) => !(e.actor.id in known));
      return more.length === 0 ? known : { ...known, ...Object.fromEntries(more.map((e) => [e.actor.id, e.actor.displayName])) };
    });
  }, [log]);

  function filtered<T>(set: (value: T) => void) {
    return (value: T) => { set(value); setCursors([]); };
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Page>
      <div className="audit-log">
        <nav className="back"><Link to="/admin">{t('timebank.back')}</Link></nav>
        <h1>{t('audit.title')}</h1>
        <p>{t('audit.intro')}</p>
        <form className="audit-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('audit.filters')}>
          <label>{t('audit.action')}
            <select value={action} onChange={(e) => filtered(setAction)(e.target.value)} data-testid="audit-action">
              <option value="">{t('audit.anyAction')}</option>
              {KNOWN_ACTIONS.map((a) => <option key={a} value={a}>{t(actionKey(a))}</option>)}
            </select>
          </label>
          <label>{t('audit.person')}
            <select value={actorId} onChange={(e) => filtered(setActorId)(e.target.value)} data-testid="audit-person">
              <option value="">{t('audit.anyone')}</option>
              {Object.entries(people).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          </label>
          <label>{t('audit.from')}
            <input type="date" value={fromDay} onChange={(e) => filtered(setFromDay)(e.target.value)} data-testid="audit-from" />
          </label>
          <label>{t('audit.to')}
            <input type="date" value={toDay} onChange={(e) => filtered(setToDay)(e.target.value)} data-testid="audit-to" />
          </label>
        </form>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {log && <p role="status" data-testid="audit-count">{t('audit.count', { count: log.totalCount })}</p>}
        {log && log.nodes.length === 0 && <p data-testid="audit-empty">{t('audit.empty')}</p>}
        <ol className="audit-entries">
          {log?.nodes.map((entry) => (
            <li key={entry.id} className="audit-entry" data-testid="audit-entry">
              <div className="audit-entry-head">
                <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                <strong>{entry.actor.displayName}</strong>
                <span data-testid="audit-summary">{entry.summary}</span>
              </div>
              <AuditEntryChanges before={entry.before} after={entry.after} />
            </li>
          ))}
        </ol>
        <div className="timebank-actions">
          {cursors.length > 0 && (
            <button type="button" className="button" onClick={() => setCursors(cursors.slice(0, -1))} data-testid="audit-newer">
              {t('audit.newer')}
            </button>
          )}
          {log?.pageInfo.hasNextPage && log.pageInfo.endCursor && (
            <button type="button" className="button" disabled={fetching}
              onClick={() => setCursors([...cursors, log.pageInfo.endCursor!])} data-testid="audit-older">
              {t('audit.older')}
            </button>
          )}
        </div>
      </div>
    </Page>
  );
}
