import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/data';
import { AccountsPage } from './pages/AccountsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { CertificatesPage } from './pages/CertificatesPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { CoursesPage } from './pages/CoursesPage';
import { WorkshopsPage } from './pages/WorkshopsPage';
import { DashboardPage } from './pages/DashboardPage';
import { EmploymentCentersPage } from './pages/EmploymentCentersPage';
import { GroupPage } from './pages/GroupPage';
import { GroupsPage } from './pages/GroupsPage';
import { HolidaysPage } from './pages/HolidaysPage';
import { IntakePage } from './pages/IntakePage';
import { MyGroupsPage } from './pages/MyGroupsPage';
import { OfficerReferralsPage } from './pages/OfficerReferralsPage';
import { ReportPage } from './pages/ReportPage';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';
import { TraineePage } from './pages/TraineePage';
import { TraineesPage } from './pages/TraineesPage';
import { VerifyPage } from './pages/VerifyPage';
import { useSession } from './session';
import type { Schemas } from './api';

type Role = Schemas['SessionUserView']['role'];

/** The screens of the signed-in user's role; every other path leads home. */
function roleRoutes(role: Role): ReactNode {
  switch (role) {
    case 'admin':
    case 'staff':
      return (
        <>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/groups" element={<GroupsPage />} />
          <Route path="/groups/:id" element={<GroupPage />} />
          <Route path="/courses" element={<CoursesPage />} />
          <Route path="/workshops" element={<WorkshopsPage />} />
          <Route path="/trainees" element={<TraineesPage />} />
          <Route path="/trainees/:id" element={<TraineePage />} />
          <Route path="/intake" element={<IntakePage />} />
          <Route path="/certificates" element={<CertificatesPage />} />
          <Route path="/holidays" element={<HolidaysPage />} />
          {role === 'admin' && (
            <>
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/audit" element={<AuditLogPage />} />
              <Route path="/employment-centers" element={<EmploymentCentersPage />} />
            </>
          )}
        </>
      );
    case 'master':
      return (
        <>
          <Route path="/" element={<TodayPage />} />
          <Route path="/my-groups" element={<MyGroupsPage />} />
        </>
      );
    case 'officer':
      return (
        <>
          <Route path="/" element={<OfficerReferralsPage />} />
          <Route path="/report" element={<ReportPage />} />
        </>
      );
  }
}

export function App() {
  const { user } = useSession();
  return (
    <Routes>
      <Route path="/verify/:code" element={<VerifyPage />} />
      <Route
        path="*"
        element={
          user === undefined ? (
            <Center h="100vh">
              <Loading />
            </Center>
          ) : user === null ? (
            <SignInPage />
          ) : user.passwordChangeRequired ? (
            <ChangePasswordPage />
          ) : (
            <Layout>
              <Routes>
                {roleRoutes(user.role)}
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Layout>
          )
        }
      />
    </Routes>
  );
}
