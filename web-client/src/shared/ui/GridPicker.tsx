import { useTranslation } from 'react-i18next';
import './gridPicker.css';

type Grid = { id: string; code?: string; name: string };

/** Check boxes to choose some of a community's grids, large enough for a finger. */
export function GridPicker({ grids, chosen, onChange, legend, testId }: {
  grids: readonly Grid[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  legend?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="grid-picker" data-testid={testId}>
      <legend className="field-label">{legend ?? t('teams.grids')}</legend>
      {grids.map((g) => (
        <label key={g.id} className="checkbox">
          <input type="checkbox" checked={chosen.includes(g.id)} data-code={g.code}
            onChange={(e) => onChange(e.target.checked ? [...chosen, g.id] : chosen.filter((id) => id !== g.id))} />
          {g.code ? `${g.code} ${g.name}` : g.name}
        </label>
      ))}
    </fieldset>
  );
}
