import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { GridPicker } from '../../shared/ui/GridPicker';
import { TeamGridsSetMutation } from './operations';
import type { useOutcome } from './useOutcome';

/** The captain chooses which of the community's grids the team patrols. */
export function TeamGridsForm({ teamId, communityGrids, teamGrids, report }: {
  teamId: string;
  communityGrids: readonly { id: string; code: string; name: string }[];
  teamGrids: readonly { id: string }[];
  report: ReturnType<typeof useOutcome>['report'];
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(TeamGridsSetMutation);
  const [gridIds, setGridIds] = useState<string[]>(teamGrids.map((g) => g.id));

  function submit(event: FormEvent) {
    event.preventDefault();
    void report(update({ input: { teamId, gridIds } }).then((r) => r.data?.teamUpdate), t('teams.teamGrids.saved'));
  }

  return (
    <form className="patrol-form login" onSubmit={submit} noValidate data-testid="team-grids-form">
      <h3>{t('teams.teamGrids.title')}</h3>
      <GridPicker grids={communityGrids} chosen={gridIds} onChange={setGridIds} legend={t('teams.teamGrids.legend')} />
      <button type="submit" className="button primary">{t('teams.teamGrids.save')}</button>
    </form>
  );
}
