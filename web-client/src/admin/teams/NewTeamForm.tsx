import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { useOutcome } from '../../captain/patrol/useOutcome';
import { GridPicker } from '../../shared/ui/GridPicker';
import { TeamCreateMutation } from './operations';

/** A new team: its name and the community's grids it patrols. */
export function NewTeamForm({ communityId, grids, report }: {
  communityId: string;
  grids: readonly { id: string; code: string; name: string }[];
  report: ReturnType<typeof useOutcome>['report'];
}) {
  const { t } = useTranslation();
  const [, create] = useMutation(TeamCreateMutation);
  const [name, setName] = useState('');
  const [gridIds, setGridIds] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await report(create({ input: { communityId, name, gridIds } }).then((r) => r.data?.teamCreate),
      t('teams.created', { name: name.trim() }));
    if (done) {
      setName('');
      setGridIds([]);
    }
  }

  return (
    <form className="card teams-form" onSubmit={submit} noValidate data-testid="team-create-form">
      <h2>{t('teams.new')}</h2>
      <label className="field"><span className="field-label">{t('teams.name')}</span>
        <input type="text" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} data-testid="team-name" /></label>
      <GridPicker grids={grids} chosen={gridIds} onChange={setGridIds} testId="team-grids" />
      <button type="submit" className="button primary" data-testid="team-create">{t('teams.create')}</button>
    </form>
  );
}
