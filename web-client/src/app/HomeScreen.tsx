import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate } from 'react-router';
import { AdminHome } from '../admin/AdminHome';
import { CaptainHome } from '../captain/CaptainHome';
import { CityAdminHome } from '../city/CityAdminHome';
import type { Role } from '../gql/graphql';
import { GridWorkerHome } from '../gridworker/GridWorkerHome';
import { MerchantHome } from '../merchant/MerchantHome';
import { useAccount } from '../shared/auth/account';
import { useSignOut } from '../shared/auth/useSignOut';
import type { AreaProps } from '../shared/ui/AreaSection';
import { Page } from '../shared/ui/Page';
import { VolunteerHome } from '../volunteer/VolunteerHome';
import { AREA_PATHS, landingRole, rolesHeld } from './areas';

const AREAS: Readonly<Record<Role, ComponentType<AreaProps>>> = {
  VOLUNTEER: VolunteerHome,
  CAPTAIN: CaptainHome,
  GRID_WORKER: GridWorkerHome,
  MERCHANT_STAFF: MerchantHome,
  ADMINISTRATOR: AdminHome,
  CITY_ADMINISTRATOR: CityAdminHome,
};

/** The home of one role the person holds, with tabs to their other roles; without a role, the plain greeting. */
export function HomeScreen({ role }: { role: Role | null }) {
  const { t } = useTranslation();
  const { signOut, fetching: signingOut, failed: signOutFailed } = useSignOut();
  const account = useAccount();
  const roles = rolesHeld(account.roles);

  if (role === null ? roles.length > 0 : !roles.includes(role)) {
    const landing = landingRole(account.roles);
    return landing ? <Navigate to={AREA_PATHS[landing]} replace /> : <Navigate to="/" replace />;
  }
  const Area = role && AREAS[role];

  return (
    <Page>
      <section className="greeting">
        <h1 className="greeting-text" data-testid="home-greeting">
          {t('home.greeting', { name: account.displayName })}
        </h1>
        <Link className="button secondary" to="/account" data-testid="open-account">
          {t('account.link')}
        </Link>
        <button type="button" className="button secondary" data-testid="sign-out" disabled={signingOut}
          onClick={() => void signOut(false)}>
          {t('session.signOut')}
        </button>
        {signOutFailed && (
          <p className="problem" role="alert" data-testid="sign-out-error">
            {t('session.signOutFailed')}
          </p>
        )}
      </section>

      {roles.length > 1 && (
        <nav className="role-tabs" aria-labelledby="role-tabs-label">
          <span id="role-tabs-label" className="role-tabs-label">
            {t('home.roles')}
          </span>
          {roles.map((held) => (
            <NavLink key={held} to={AREA_PATHS[held]} className="role-tab" data-testid={`role-tab-${held}`}>
              {t(`roles.${held}`)}
            </NavLink>
          ))}
        </nav>
      )}

      {role && Area ? (
        <Area assignments={account.roles.filter((assignment) => assignment.role === role)} />
      ) : (
        <p className="notice">{t('home.noRoles')}</p>
      )}

      <section className="card" data-testid="card-merchant-apply">
        <h3 className="card-title">{t('merchantApply.title')}</h3>
        <p className="card-text">{t('merchantApply.linkText')}</p>
        <Link className="button" to="/merchant/apply" data-testid="open-merchant-apply">{t('merchantApply.link')}</Link>
      </section>
    </Page>
  );
}
