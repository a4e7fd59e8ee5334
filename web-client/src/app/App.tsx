import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AccountScreen } from '../shared/auth/AccountScreen';
import { LoginScreen } from '../shared/auth/LoginScreen';
import { SessionProvider } from '../shared/auth/SessionProvider';
import { LedgerOverviewScreen } from '../admin/timebank/LedgerOverviewScreen';
import { CorrectionsScreen } from '../admin/timebank/CorrectionsScreen';
import { PolicyScreen } from '../admin/timebank/PolicyScreen';
import { CoursesScreen } from '../admin/timebank/CoursesScreen';
import { GiftScreen } from '../volunteer/timebank/GiftScreen';
import { PassbookPrintScreen } from '../volunteer/timebank/PassbookPrintScreen';
import { PassbookScreen } from '../volunteer/timebank/PassbookScreen';
import { SchoolScreen } from '../volunteer/timebank/SchoolScreen';
import { MembersScreen } from '../captain/patrol/MembersScreen';
import { ReviewScreen } from '../captain/patrol/ReviewScreen';
import { RosterScreen } from '../captain/patrol/RosterScreen';
import { CheckInScreen } from '../volunteer/patrol/CheckInScreen';
import { ShiftsScreen } from '../volunteer/patrol/ShiftsScreen';
import { CounterScreen } from '../merchant/CounterScreen';
import { OffersManageScreen } from '../merchant/OffersManageScreen';
import { SettlementScreen } from '../merchant/SettlementScreen';
import { MerchantsScreen } from '../admin/merchant/MerchantsScreen';
import { ApplyScreen } from '../merchant/apply/ApplyScreen';
import { StaffScreen } from '../merchant/staff/StaffScreen';
import { OffersScreen } from '../volunteer/merchant/OffersScreen';
import { BadgesEditorScreen } from '../admin/gamification/BadgesEditorScreen';
import { GoalsEditorScreen } from '../admin/gamification/GoalsEditorScreen';
import { LevelsEditorScreen } from '../admin/gamification/LevelsEditorScreen';
import { TeamScreen } from '../captain/gamification/TeamScreen';
import { AchievementsScreen } from '../volunteer/gamification/AchievementsScreen';
import { ServiceCertificateScreen } from '../volunteer/gamification/ServiceCertificateScreen';
import { CategoriesScreen } from '../admin/casework/CategoriesScreen';
import { KpiScreenLazy } from '../admin/casework/KpiScreenLazy';
import { Open311KeysScreen } from '../admin/casework/Open311KeysScreen';
import { StatisticsScreenLazy } from '../admin/statistics/StatisticsScreenLazy';
import { GridEditorScreenLazy } from '../admin/geo/GridEditorScreenLazy';
import { PlacesScreen } from '../city/PlacesScreen';
import { AuditLogScreen } from '../admin/audit/AuditLogScreen';
import { CaseBoardScreen } from '../gridworker/casework/CaseBoardScreen';
import { CaseDetailScreen } from '../gridworker/casework/CaseDetailScreen';
import { MyReportsScreen } from '../volunteer/casework/MyReportsScreen';
import { ReportScreen } from '../volunteer/casework/ReportScreen';
import { NotificationsScreen } from '../shared/notifications/NotificationsScreen';
import { InvitationsScreen } from '../shared/joining/InvitationsScreen';
import { JoinScreen } from '../shared/joining/JoinScreen';
import { RosterImportScreen } from '../admin/joining/RosterImportScreen';
import { AREA_PATHS, ROLE_ORDER } from './areas';
import { HomeScreen } from './HomeScreen';
import { RequireAccount } from './RequireAccount';
import { TeamsScreen } from '../admin/teams/TeamsScreen';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginScreen />} />
          <Route path="/join/:code" element={<JoinScreen />} />
          <Route element={<RequireAccount />}>
            <Route index element={<HomeScreen role={null} />} />
            {ROLE_ORDER.map((role) => (
              <Route key={role} path={AREA_PATHS[role]} element={<HomeScreen role={role} />} />
            ))}
            <Route path="/account" element={<AccountScreen />} />
            <Route path="/volunteer/passbook" element={<PassbookScreen />} />
            <Route path="/volunteer/passbook/print" element={<PassbookPrintScreen />} />
            <Route path="/volunteer/school" element={<SchoolScreen />} />
            <Route path="/volunteer/gift" element={<GiftScreen />} />
            <Route path="/admin/time-bank" element={<LedgerOverviewScreen />} />
            <Route path="/volunteer/shifts" element={<ShiftsScreen />} />
            <Route path="/volunteer/check-in" element={<CheckInScreen />} />
            <Route path="/captain/members" element={<MembersScreen />} />
            <Route path="/captain/schedule" element={<RosterScreen />} />
            <Route path="/captain/review" element={<ReviewScreen />} />
            <Route path="/volunteer/offers" element={<OffersScreen />} />
            <Route path="/merchant/counter" element={<CounterScreen />} />
            <Route path="/merchant/offers" element={<OffersManageScreen />} />
            <Route path="/merchant/settlement" element={<SettlementScreen />} />
            <Route path="/admin/merchants" element={<MerchantsScreen />} />
            <Route path="/merchant/apply" element={<ApplyScreen />} />
            <Route path="/notifications" element={<NotificationsScreen />} />
            <Route path="/merchant/staff" element={<StaffScreen />} />
            <Route path="/volunteer/achievements" element={<AchievementsScreen />} />
            <Route path="/volunteer/certificate" element={<ServiceCertificateScreen />} />
            <Route path="/captain/team" element={<TeamScreen />} />
            <Route path="/admin/badges" element={<BadgesEditorScreen />} />
            <Route path="/admin/levels" element={<LevelsEditorScreen />} />
            <Route path="/admin/goals" element={<GoalsEditorScreen />} />
            <Route path="/volunteer/report" element={<ReportScreen />} />
            <Route path="/volunteer/reports" element={<MyReportsScreen />} />
            <Route path="/grid-worker/cases" element={<CaseBoardScreen />} />
            <Route path="/grid-worker/cases/:caseId" element={<CaseDetailScreen />} />
            <Route path="/grid-worker/case-kpis" element={<KpiScreenLazy back="/grid-worker" />} />
            <Route path="/admin/case-categories" element={<CategoriesScreen />} />
            <Route path="/admin/case-kpis" element={<KpiScreenLazy back="/admin" />} />
            <Route path="/admin/open311-keys" element={<Open311KeysScreen />} />
            <Route path="/admin/statistics" element={<StatisticsScreenLazy />} />
            <Route path="/admin/time-bank/corrections" element={<CorrectionsScreen />} />
            <Route path="/admin/time-bank/policy" element={<PolicyScreen />} />
            <Route path="/admin/time-bank/courses" element={<CoursesScreen />} />
            <Route path="/captain/invitations" element={<InvitationsScreen role="CAPTAIN" back="/captain" />} />
            <Route path="/grid-worker/invitations" element={<InvitationsScreen role="GRID_WORKER" back="/grid-worker" />} />
            <Route path="/admin/invitations" element={<InvitationsScreen role="ADMINISTRATOR" back="/admin" />} />
            <Route path="/admin/roster-import" element={<RosterImportScreen />} />
            <Route path="/admin/grids" element={<GridEditorScreenLazy />} />
            <Route path="/city/places" element={<PlacesScreen />} />
            <Route path="/admin/audit-log" element={<AuditLogScreen />} />
            <Route path="/admin/teams" element={<TeamsScreen />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
