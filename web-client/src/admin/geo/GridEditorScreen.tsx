import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { CommunityGridsEditQuery } from '../../gql/graphql';
import { useAccount } from '../../shared/auth/account';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { CommunitySettings } from './CommunitySettings';
import { type Geometry, GridEditorMap } from './GridEditorMap';
import { GridWorkers } from './GridWorkers';
import { CommunityGridsQuery, GridCreateMutation, GridUpdateMutation } from './operations';

type Payload = { userErrors: { message: string }[] } | null | undefined;

const NEW = 'new';

/**
 * The community's grids on a map (desktop width): draw a new grid corner by corner, or choose one
 * and drag its corners, rename it and appoint its grid workers. The server's refusals (an invalid
 * polygon, an overlap with a neighbour) show beside the map.
 */
export function GridEditorScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const communityId = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id ?? '';
  const [{ data, error }, refetch] = useQuery({ query: CommunityGridsQuery, variables: { communityId }, pause: !communityId });
  const community = isCommunity(data?.node) ? data.node : null;
  const grids = useMemo(() => community?.grids ?? [], [community]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [draft, setDraft] = useState<Geometry | null>(null);
  const [draftKey, setDraftKey] = useState('none');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [{ fetching: creating }, create] = useMutation(GridCreateMutation);
  const [{ fetching: updating }, update] = useMutation(GridUpdateMutation);
  const grid = grids.find((g) => g.id === chosen) ?? null;
  const neighbours = useMemo(() => grids.filter((g) => g.id !== chosen), [grids, chosen]);

  function choose(id: string | null) {
    const next = grids.find((g) => g.id === id);
    setChosen(id);
    setDraft(next ? (next.boundary as Geometry) : null);
    setDraftKey(`${id ?? 'none'}-${Date.now()}`);
    setCode(next?.code ?? '');
    setName(next?.name ?? '');
    setMessage(null);
  }

  /** A finished drawing is laid out afresh, with handles on its corners; a moved corner only updates the draft. */
  function drawnOrMoved(geometry: Geometry, drawn: boolean) {
    setDraft(geometry);
    if (drawn) setDraftKey(`drawn-${Date.now()}`);
  }

  function outcome(payload: Payload, done: string, grid?: { id: string } | null): void {
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else {
      setMessage({ text: done, problem: false });
      refetch({ requestPolicy: 'network-only' });
      if (grid) setChosen(grid.id);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) {
      setMessage({ text: t('geo.editor.drawFirst'), problem: true });
      return;
    }
    if (chosen === NEW) {
      const result = await create({ input: { communityId, code: code.trim(), name: name.trim(), boundary: draft } });
      outcome(result.data?.gridCreate, t('geo.editor.created', { code: code.trim() }), result.data?.gridCreate.grid);
    } else if (grid) {
      const result = await update({ input: { gridId: grid.id, code: code.trim(), name: name.trim(), boundary: draft } });
      outcome(result.data?.gridUpdate, t('geo.editor.saved', { code: code.trim() }));
    }
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/admin">{t('timebank.back')}</Link>
      </nav>
      <h1 className="wide-editor">{t('geo.editor.title', { community: community?.name ?? '' })}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <div className="grid-editor">
        <GridEditorMap neighbours={neighbours} draft={draft} draftKey={draftKey} drawing={chosen === NEW && !draft}
          onChange={drawnOrMoved} label={t('geo.editor.mapLabel')} cornerLabel={t('geo.editor.corner')} />
        <div className="grid-editor-panel">
          {message && (
            <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="grid-editor-message">
              {message.text}
            </p>
          )}
          <ul className="grid-choices" aria-label={t('geo.editor.grids')}>
            {grids.map((g) => (
              <li key={g.id}>
                <button type="button" className="button" aria-pressed={g.id === chosen} onClick={() => choose(g.id)}
                  data-testid={`grid-choice-${g.code}`}>{g.code} · {g.name}</button>
              </li>
            ))}
          </ul>
          <button type="button" className="button primary" onClick={() => choose(NEW)} data-testid="grid-draw">
            {t('geo.editor.draw')}
          </button>
          {chosen === NEW && !draft && <p className="notice" role="status" data-testid="grid-draw-hint">{t('geo.editor.drawHint')}</p>}
          {chosen && (
            <form className="login" noValidate onSubmit={(e) => void save(e)} aria-label={t('geo.editor.formLabel')}>
              {grid && <p className="card-text">{t('geo.editor.editHint')}</p>}
              <label className="field" htmlFor="grid-code">
                <span className="field-label">{t('geo.editor.code')}</span>
                <input id="grid-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
              </label>
              <label className="field" htmlFor="grid-name">
                <span className="field-label">{t('geo.editor.name')}</span>
                <input id="grid-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
              </label>
              <div className="timebank-actions">
                <button type="submit" className="button primary" disabled={creating || updating} data-testid="grid-save">
                  {t('geo.editor.save')}
                </button>
                <button type="button" className="button" onClick={() => choose(chosen === NEW ? NEW : chosen)} data-testid="grid-redo">
                  {chosen === NEW ? t('geo.editor.redraw') : t('geo.editor.reset')}
                </button>
              </div>
            </form>
          )}
          {grid && <GridWorkers grid={grid} />}
        </div>
      </div>
      {community && <CommunitySettings community={community} />}
    </Page>
  );
}

type Node = NonNullable<CommunityGridsEditQuery['node']>;

function isCommunity(node: Node | null | undefined): node is Extract<Node, { grids: unknown }> {
  return node != null && 'grids' in node;
}
