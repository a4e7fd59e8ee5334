// @vitest-environment happy-dom
import i18n from 'i18next';
import type { ReactElement } from 'react';
import { type Root, createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminHome } from '../admin/AdminHome';
import { BadgesEditorScreen } from '../admin/gamification/BadgesEditorScreen';
import { GoalsEditorScreen } from '../admin/gamification/GoalsEditorScreen';
import { LevelsEditorScreen } from '../admin/gamification/LevelsEditorScreen';
import { CategoriesScreen } from '../admin/casework/CategoriesScreen';
import { KpiScreenLazy } from '../admin/casework/KpiScreenLazy';
import { GridEditorScreenLazy } from '../admin/geo/GridEditorScreenLazy';
import { PlacesScreen } from '../city/PlacesScreen';
import { Open311KeysScreen } from '../admin/casework/Open311KeysScreen';
import { AuditLogScreen } from '../admin/audit/AuditLogScreen';
import { MerchantsScreen } from '../admin/merchant/MerchantsScreen';
import { TeamsScreen } from '../admin/teams/TeamsScreen';
import { LedgerOverviewScreen } from '../admin/timebank/LedgerOverviewScreen';
import { StatisticsScreenLazy } from '../admin/statistics/StatisticsScreenLazy';
import { CorrectionsScreen } from '../admin/timebank/CorrectionsScreen';
import { CoursesScreen } from '../admin/timebank/CoursesScreen';
import { PolicyScreen } from '../admin/timebank/PolicyScreen';
import { CaptainHome } from '../captain/CaptainHome';
import { TeamScreen } from '../captain/gamification/TeamScreen';
import { MembersScreen } from '../captain/patrol/MembersScreen';
import { ReviewScreen } from '../captain/patrol/ReviewScreen';
import { RosterScreen } from '../captain/patrol/RosterScreen';
import { GridWorkerHome } from '../gridworker/GridWorkerHome';
import { CaseBoardScreen } from '../gridworker/casework/CaseBoardScreen';
import { CaseDetailScreen } from '../gridworker/casework/CaseDetailScreen';
import '../i18n/i18n';
import { OffersManageScreen } from '../merchant/OffersManageScreen';
import { CounterScreen } from '../merchant/CounterScreen';
import { SettlementScreen } from '../merchant/SettlementScreen';
import { ApplyScreen } from '../merchant/apply/ApplyScreen';
import { NotificationsScreen } from '../shared/notifications/NotificationsScreen';
import { StaffScreen } from '../merchant/staff/StaffScreen';
import { type Account, AccountContext } from '../shared/auth/account';
import { SessionProvider } from '../shared/auth/SessionProvider';
import { createGraphqlClient } from '../shared/graphql/client';
import { VolunteerHome } from '../volunteer/VolunteerHome';
import { AchievementsScreen } from '../volunteer/gamification/AchievementsScreen';
import { ServiceCertificateScreen } from '../volunteer/gamification/ServiceCertificateScreen';
import { MyReportsScreen } from '../volunteer/casework/MyReportsScreen';
import { ReportScreen } from '../volunteer/casework/ReportScreen';
import { OffersScreen } from '../volunteer/merchant/OffersScreen';
import { CheckInScreen } from '../volunteer/patrol/CheckInScreen';
import { ShiftsScreen } from '../volunteer/patrol/ShiftsScreen';
import { GiftScreen } from '../volunteer/timebank/GiftScreen';
import { PassbookPrintScreen } from '../volunteer/timebank/PassbookPrintScreen';
import { PassbookScreen } from '../volunteer/timebank/PassbookScreen';
import { SchoolScreen } from '../volunteer/timebank/SchoolScreen';
import { InvitationsScreen } from '../shared/joining/InvitationsScreen';
import { JoinScreen } from '../shared/joining/JoinScreen';
import appSource from './App.tsx?raw';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const ACCOUNT: Account = {
  __typename: 'Account',
  id: 'QWNjb3VudDox',
  displayName: '周德明',
  locale: 'zh-CN',
  roles: [
    { __typename: 'RoleAssignment', role: 'ADMINISTRATOR', scopeName: '东亭社区', scope: { __typename: 'Community', id: 'Q29tbXVuaXR5OjE' } },
    { __typename: 'RoleAssignment', role: 'VOLUNTEER', scopeName: '东亭社区', scope: { __typename: 'Community', id: 'Q29tbXVuaXR5OjE' } },
  ],
} as unknown as Account;

/** Every screen a route of the app shows, as it is mounted there. */
const SCREENS: Record<string, () => ReactElement> = {
  PassbookScreen: () => <PassbookScreen />,
  PassbookPrintScreen: () => <PassbookPrintScreen />,
  SchoolScreen: () => <SchoolScreen />,
  GiftScreen: () => <GiftScreen />,
  LedgerOverviewScreen: () => <LedgerOverviewScreen />,
  ShiftsScreen: () => <ShiftsScreen />,
  CheckInScreen: () => <CheckInScreen />,
  MembersScreen: () => <MembersScreen />,
  RosterScreen: () => <RosterScreen />,
  ReviewScreen: () => <ReviewScreen />,
  OffersScreen: () => <OffersScreen />,
  OffersManageScreen: () => <OffersManageScreen />,
  SettlementScreen: () => <SettlementScreen />,
  MerchantsScreen: () => <MerchantsScreen />,
  ApplyScreen: () => <ApplyScreen />,
  NotificationsScreen: () => <NotificationsScreen />,
  StaffScreen: () => <StaffScreen />,
  AchievementsScreen: () => <AchievementsScreen />,
  ServiceCertificateScreen: () => <ServiceCertificateScreen />,
  CorrectionsScreen: () => <CorrectionsScreen />,
  PolicyScreen: () => <PolicyScreen />,
  CoursesScreen: () => <CoursesScreen />,
  TeamScreen: () => <TeamScreen />,
  BadgesEditorScreen: () => <BadgesEditorScreen />,
  LevelsEditorScreen: () => <LevelsEditorScreen />,
  GoalsEditorScreen: () => <GoalsEditorScreen />,
  ReportScreen: () => <ReportScreen />,
  MyReportsScreen: () => <MyReportsScreen />,
  CaseBoardScreen: () => <CaseBoardScreen />,
  CaseDetailScreen: () => <CaseDetailScreen />,
  KpiScreenLazy: () => <KpiScreenLazy back="/admin" />,
  GridEditorScreenLazy: () => <GridEditorScreenLazy />,
  PlacesScreen: () => <PlacesScreen />,
  CategoriesScreen: () => <CategoriesScreen />,
  Open311KeysScreen: () => <Open311KeysScreen />,
  StatisticsScreenLazy: () => <StatisticsScreenLazy />,
  InvitationsScreen: () => <InvitationsScreen role="ADMINISTRATOR" back="/admin" />,
  JoinScreen: () => <JoinScreen />,
  AuditLogScreen: () => <AuditLogScreen />,
  TeamsScreen: () => <TeamsScreen />,
  'HomeScreen VOLUNTEER': () => <VolunteerHome assignments={ACCOUNT.roles} />,
  'HomeScreen CAPTAIN': () => <CaptainHome assignments={ACCOUNT.roles} />,
  'HomeScreen GRID_WORKER': () => <GridWorkerHome assignments={ACCOUNT.roles} />,
  'HomeScreen ADMINISTRATOR': () => <AdminHome assignments={ACCOUNT.roles} />,
};

/** Routed screens that load nothing when they open, and why. */
const LOADING_NOTHING: Record<string, string> = {
  LoginScreen: 'shown before signing in; its failures are the sign-in form’s own messages',
  RequireAccount: 'the guard around every screen; checked on its own below',
  CounterScreen: 'asks the server only when a code is entered, and shows a failed look-up as the outcome',
  AccountScreen: 'loads nothing: a form whose failures are its own messages',
  HomeScreen: 'checked through the role areas that load (the merchant’s home cards load nothing)',
  Navigate: 'a redirect',
  RosterImportScreen: 'loads a preview only after an upload; a refused upload is shown as the upload’s own message',
};

type Answer = (operationName: string) => Promise<Response>;

const networkDown: Answer = () => Promise.reject(new TypeError('Failed to fetch'));

/** What the server answers when a resolver fails: data null, a top-level error with its classification only. */
function serverFault(classification = 'INTERNAL_ERROR'): Promise<Response> {
  const body = { data: null, errors: [{ message: `${classification} for 1f0c`, extensions: { classification } }] };
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/graphql-response+json' } }));
}

let mounted: { root: Root; container: HTMLElement } | null = null;

afterEach(async () => {
  mounted?.root.unmount();
  mounted?.container.remove();
  mounted = null;
  await i18n.changeLanguage('zh-CN');
});

/** Mounts a screen signed in, with the app's real GraphQL client whose every request gets `answer`. */
function mount(screen: ReactElement, answer: Answer): HTMLElement {
  const graphql = createGraphqlClient({
    token: 'test-token',
    language: () => i18n.language,
    onUnauthorized: () => undefined,
    wsUrl: 'ws://localhost:1/graphql',
    fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => answer(JSON.parse(String(init?.body ?? '{}')).operationName ?? '')) as typeof fetch,
  });
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  root.render(
    <MemoryRouter>
      <SessionProvider>
        <UrqlProvider value={graphql.client}>
          <AccountContext.Provider value={ACCOUNT}>{screen}</AccountContext.Provider>
        </UrqlProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
  mounted = { root, container };
  return container;
}

async function loadErrors(container: HTMLElement): Promise<string[]> {
  await vi.waitFor(() => expect(container.querySelector('[data-testid="load-error"]')).not.toBeNull(), { timeout: 3000 });
  return [...container.querySelectorAll('[data-testid="load-error"]')].map((e) => e.querySelector('p')?.textContent ?? '');
}

describe('a screen whose query fails says so', () => {
  it('the settlement screen shows the failure of its report, in the chosen language', async () => {
    // the shop is found, the report fails: what the barber saw as a blank screen
    const reportFails: Answer = (operation) =>
      operation === 'MyMerchants'
        ? Promise.resolve(new Response(JSON.stringify({ data: { myMerchants: [{ __typename: 'Merchant', id: 'TWVyY2hhbnQ6MQ', name: '东亭理发店', status: 'APPROVED' }] } }),
          { status: 200, headers: { 'Content-Type': 'application/graphql-response+json' } }))
        : serverFault();
    expect(await loadErrors(mount(<SettlementScreen />, reportFails))).toEqual([i18n.t('load.failed')]);
    expect(mounted?.container.textContent).toContain('东亭理发店');
    expect(mounted?.container.querySelector('[data-testid="load-retry"]')).not.toBeNull();
    mounted?.root.unmount();

    await i18n.changeLanguage('en');
    expect(await loadErrors(mount(<SettlementScreen />, reportFails))).toEqual(['Could not load this. Please tap “Try again” in a moment, or tell your community office.']);
  });

  it.each(Object.keys(SCREENS))('%s, when the server cannot be reached', async (name) => {
    const messages = await loadErrors(mount(SCREENS[name](), networkDown));
    expect(new Set(messages)).toEqual(new Set([i18n.t('load.network')]));
  });

  it.each(Object.keys(SCREENS))('%s, when the server fails', async (name) => {
    const messages = await loadErrors(mount(SCREENS[name](), () => serverFault()));
    expect(new Set(messages)).toEqual(new Set([i18n.t('load.failed')]));
  });

  it('a refusal says the person may not see it', async () => {
    expect(await loadErrors(mount(<SettlementScreen />, () => serverFault('FORBIDDEN')))).toEqual([i18n.t('load.forbidden')]);
  });

  it.each([
    ['the server fails', () => serverFault(), 'load.failed'],
    ['the look-up is refused', () => serverFault('FORBIDDEN'), 'load.forbidden'],
    ['the server cannot be reached', networkDown, 'load.network'],
  ] as [string, Answer, 'load.failed' | 'load.forbidden' | 'load.network'][])('the counter says why a code could not be looked up when %s', async (_, answer, key) => {
    const container = mount(<CounterScreen />, answer);
    const input = await vi.waitFor(() => {
      const found = container.querySelector<HTMLInputElement>('[data-testid="counter-code"]');
      expect(found).not.toBeNull();
      return found as HTMLInputElement;
    });
    // as typing does: React sees the value through the input event
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, 'K7Q2M9');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(container.querySelector<HTMLButtonElement>('[data-testid="counter-look-up"]')?.disabled).toBe(false));
    container.querySelector<HTMLButtonElement>('[data-testid="counter-look-up"]')?.click();
    await vi.waitFor(() => expect(container.querySelector('[data-testid="counter-failure"]')?.textContent).toBe(i18n.t(key)), { timeout: 3000 });
  });

  it('every routed screen is checked here, or says why it loads nothing', () => {
    const routed = new Set([...appSource.matchAll(/element=\{<(\w+)/g)].map((m) => m[1]));
    const checked = new Set(Object.keys(SCREENS).map((name) => name.split(' ')[0]));
    const unchecked = [...routed].filter((name) => !checked.has(name) && !(name in LOADING_NOTHING));
    expect(unchecked).toEqual([]);
  });
});
