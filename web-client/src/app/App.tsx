import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginScreen } from '../shared/auth/LoginScreen';
import { SessionProvider } from '../shared/auth/SessionProvider';
import { AREA_PATHS, ROLE_ORDER } from './areas';
import { HomeScreen } from './HomeScreen';
import { RequireAccount } from './RequireAccount';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginScreen />} />
          <Route element={<RequireAccount />}>
            <Route index element={<HomeScreen role={null} />} />
            {ROLE_ORDER.map((role) => (
              <Route key={role} path={AREA_PATHS[role]} element={<HomeScreen role={role} />} />
            ))}
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
