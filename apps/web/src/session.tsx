import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  answer,
  beginSession,
  client,
  get,
  type Schemas,
  whenPasswordChangeRequired,
  whenUnauthenticated,
} from './api';

type SessionUser = Schemas['SessionUserView'];
type Craft = Schemas['CraftView'];

interface Session {
  /** undefined while the first /me is under way; null when nobody is signed in. */
  user: SessionUser | null | undefined;
  crafts: Craft[];
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Replaces the own password; the API renews the session cookies and ends other sessions. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Who is signed in. The session lives in an httpOnly cookie, so after a reload the app asks
 * /api/auth/me; it never holds a token itself.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [crafts, setCrafts] = useState<Craft[]>([]);

  useEffect(() => {
    whenUnauthenticated(() => setUser(null));
    // Only a change of the flag makes a new user object: screens that load on a new user would
    // otherwise ask again, get 403 again, and loop.
    whenPasswordChangeRequired(() =>
      setUser((current) =>
        current && !current.passwordChangeRequired
          ? { ...current, passwordChangeRequired: true }
          : current,
      ),
    );
    get('/api/auth/me').then(setUser, () => setUser(null));
  }, []);

  const userId = user?.id;
  const mustChangePassword = user?.passwordChangeRequired === true;
  useEffect(() => {
    if (userId && !mustChangePassword) {
      get('/api/crafts').then(setCrafts, () => setCrafts([]));
    }
  }, [userId, mustChangePassword]);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await answer(client.POST('/api/auth/session', { body: { email, password } }));
    beginSession();
    setUser(session.user);
  }, []);

  const signOut = useCallback(async () => {
    await client.DELETE('/api/auth/session');
    setUser(null);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const session = await answer(
      client.PUT('/api/auth/password', { body: { currentPassword, newPassword } }),
    );
    beginSession();
    setUser(session.user);
  }, []);

  return (
    <SessionContext.Provider value={{ user, crafts, signIn, signOut, changePassword }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for screens behind the sign-in. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
