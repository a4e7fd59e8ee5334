import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { uploadCasePhoto } from '../../shared/casework/photoUpload';
import { LoadError } from '../../shared/ui/LoadError';
import { type CaseAction, caseActions } from './caseActions';
import {
  CaseAcceptMutation, CaseCloseMutation, CaseDispatchMutation, CaseRejectMutation, CaseReopenMutation, CaseResolveMutation,
  CaseBoardQuery, CaseStartMutation, CaseVerifyMutation, DepartmentsQuery,
} from './operations';
import type { CaseStage } from '../../gql/graphql';

interface CaseForActions {
  id: string;
  stage: CaseStage;
  version: number;
  communityId: string;
  categoryId: string;
  handlerAccountId: string | null;
}

type StepPayload = { case?: { id: string } | null; userErrors: { message: string }[] } | null | undefined;

/**
 * The steps the workflow allows on this case now, as large buttons; a step that needs more (a
 * reason, a handler, feedback) opens its small form first. The server's refusal is shown as it
 * words it (it names the steps that are allowed, or who acted first).
 */
export function CaseActionsPanel({ item, onDone }: { item: CaseForActions; onDone: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [note, setNote] = useState('');
  const [rejection, setRejection] = useState<'DUPLICATE' | 'INVALID'>('INVALID');
  const [duplicateOfId, setDuplicateOfId] = useState('');
  const [handler, setHandler] = useState('me');
  const [evidence, setEvidence] = useState<File[]>([]);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // braces: scrollIntoView may return a promise, which React would take for a clean-up function
  useEffect(() => {
    messageRef.current?.scrollIntoView?.({ block: 'center' });
  }, [message]);
  const [{ data: departments, error: departmentsError }, refetchDepartments] = useQuery({
    query: DepartmentsQuery, variables: { communityId: item.communityId }, pause: open !== 'dispatch',
  });
  const [{ data: others, error: othersError }, refetchOthers] = useQuery({
    query: CaseBoardQuery, variables: { communityId: item.communityId, stage: null, overdueOnly: false },
    pause: !(open === 'reject' && rejection === 'DUPLICATE'),
  });
  const [, accept] = useMutation(CaseAcceptMutation);
  const [, reject] = useMutation(CaseRejectMutation);
  const [, dispatch] = useMutation(CaseDispatchMutation);
  const [, start] = useMutation(CaseStartMutation);
  const [, resolve] = useMutation(CaseResolveMutation);
  const [, verify] = useMutation(CaseVerifyMutation);
  const [, reopen] = useMutation(CaseReopenMutation);
  const [, close] = useMutation(CaseCloseMutation);
  const actions = caseActions(item.stage, item.handlerAccountId === account.id);
  const step = { caseId: item.id, expectedVersion: item.version, note: note.trim() || null };

  async function run(action: CaseAction) {
    setBusy(true);
    setMessage(null);
    const payload = await send(action);
    setBusy(false);
    if (payload === 'photoFailed') return;
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else {
      setMessage({ text: t('casework.actions.done', { what: t(`casework.actions.${action}`) }), problem: false });
      setOpen(null);
      setNote('');
      setEvidence([]);
      onDone();
    }
  }

  async function send(action: CaseAction): Promise<StepPayload | 'photoFailed'> {
    switch (action) {
      case 'accept': return (await accept({ input: step })).data?.caseAccept;
      case 'start': return (await start({ input: step })).data?.caseStart;
      case 'verify': return (await verify({ input: step })).data?.caseVerify;
      case 'reopen': return (await reopen({ input: step })).data?.caseReopen;
      case 'close': return (await close({ input: step })).data?.caseClose;
      case 'reject':
        return (await reject({ input: {
          caseId: item.id, expectedVersion: item.version, rejection,
          duplicateOfId: rejection === 'DUPLICATE' ? duplicateOfId.trim() || null : null,
          reason: rejection === 'INVALID' ? note.trim() || null : null,
        } })).data?.caseReject;
      case 'dispatch':
        return (await dispatch({ input: {
          ...step,
          handlerId: handler === 'me' ? account.id : null,
          departmentId: handler === 'me' ? null : handler,
        } })).data?.caseDispatch;
      case 'resolve': {
        const photoIds: string[] = [];
        for (const photo of evidence) {
          const upload = await uploadCasePhoto(photo);
          if (upload.kind !== 'uploaded') {
            setMessage({ text: (upload.kind === 'refused' && upload.message) || t('casework.report.addOffline'), problem: true });
            return 'photoFailed';
          }
          photoIds.push(upload.id);
        }
        return (await resolve({ input: { caseId: item.id, expectedVersion: item.version, feedback: note.trim(), photoIds } })).data?.caseResolve;
      }
    }
  }

  if (actions.length === 0) return message ? <p className="notice" role="status">{message.text}</p> : null;
  const needsForm = (a: CaseAction) => a === 'reject' || a === 'dispatch' || a === 'resolve' || a === 'reopen';

  return (
    <section className="case-actions" aria-labelledby="actions-heading" data-testid="case-actions">
      <h2 id="actions-heading">{t('casework.actions.title')}</h2>
      {message && (
        <p ref={messageRef} className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="case-action-message">
          {message.text}
        </p>
      )}
      {actions.map((a) => (
        <button key={a} type="button" className={`button${a === actions[0] ? ' primary' : ''}`} disabled={busy}
          aria-expanded={needsForm(a) ? open === a : undefined}
          onClick={() => (needsForm(a) ? setOpen(open === a ? null : a) : void run(a))} data-testid={`case-${a}`}>
          {t(`casework.actions.${a}`)}
        </button>
      ))}
      {open && (
        <form className="login" onSubmit={(e) => { e.preventDefault(); void run(open); }} data-testid={`form-${open}`}>
          {open === 'reject' && (
            <fieldset className="stage-filter">
              <legend>{t('casework.actions.rejectWhy')}</legend>
              {(['INVALID', 'DUPLICATE'] as const).map((r) => (
                <label key={r} className="checkbox">
                  <input type="radio" name="rejection" checked={rejection === r} onChange={() => setRejection(r)} />
                  <span>{t(`casework.rejection.${r}`)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {open === 'reject' && rejection === 'DUPLICATE' && (
            <label className="field" htmlFor="duplicate-of">
              <span className="field-label">{t('casework.actions.duplicateOf')}</span>
              <LoadError error={othersError} retry={() => refetchOthers({ requestPolicy: 'network-only' })} />
              <select id="duplicate-of" value={duplicateOfId} onChange={(e) => setDuplicateOfId(e.target.value)} data-testid="duplicate-of">
                <option value="">{t('casework.actions.chooseCase')}</option>
                {others?.caseBoard.nodes.filter((c) => c.id !== item.id && c.category.id === item.categoryId).map((c) => (
                  <option key={c.id} value={c.id}>{`${c.grid?.code ?? ''} ${c.description.slice(0, 40)}`}</option>
                ))}
              </select>
            </label>
          )}
          {open === 'dispatch' && (
            <label className="field" htmlFor="dispatch-to">
              <span className="field-label">{t('casework.actions.dispatchTo')}</span>
              <LoadError error={departmentsError} retry={() => refetchDepartments({ requestPolicy: 'network-only' })} />
              <select id="dispatch-to" value={handler} onChange={(e) => setHandler(e.target.value)} data-testid="dispatch-to">
                <option value="me">{t('casework.actions.myself')}</option>
                {departments?.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </label>
          )}
          {!(open === 'reject' && rejection === 'DUPLICATE') && (
            <label className="field" htmlFor="action-note">
              <span className="field-label">
                {open === 'resolve' ? t('casework.actions.feedback') : open === 'reject' ? t('casework.actions.reason') : t('casework.actions.note')}
              </span>
              <textarea id="action-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="action-note" />
            </label>
          )}
          {open === 'resolve' && (
            <label className="photo-take">
              {t('casework.actions.evidence', { count: evidence.length })}
              <input className="visually-hidden" type="file" accept="image/*" capture="environment"
                onChange={(e) => setEvidence([...evidence, ...Array.from(e.target.files ?? [])].slice(0, 4))} />
            </label>
          )}
          <button type="submit" className="button primary" disabled={busy} data-testid="action-confirm">
            {t(`casework.actions.${open}`)}
          </button>
        </form>
      )}
    </section>
  );
}

