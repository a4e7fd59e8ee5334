import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import type { RoleAssignment } from '../auth/account';

export interface AreaProps {
  /** The person's assignments of this area's role, e.g. the grids they work in. */
  assignments: readonly RoleAssignment[];
}

/** The heading of a role's home area (the role and where it applies), then its cards. */
export function AreaSection({ role, assignments, children }: AreaProps & { role: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const scopes = assignments.map((assignment) => assignment.scopeName).join(' / ');
  return (
    <section className="area" aria-labelledby="area-heading">
      <h2 id="area-heading" className="area-heading">
        <span data-testid="home-role">{t(`roles.${role}`)}</span>
        {scopes && <span className="area-scope" data-testid="home-scope">{scopes}</span>}
      </h2>
      <ul className="cards">{children}</ul>
    </section>
  );
}
