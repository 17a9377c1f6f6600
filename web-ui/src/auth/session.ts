/** The signed-in user: a bearer token from the gateway's /auth/token, kept for this browser tab. */
export interface Session {
  token: string;
  username: string;
  roles: string[];
  expiresAt: number;
}

const KEY = 'cairn.session';

export const DEMO_USERS = ['viewer', 'designer', 'analyst', 'hr-admin', 'leader', 'admin'] as const;

export function getSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) {
    return null;
  }
  try {
    const session = JSON.parse(raw) as Session;
    if (session.expiresAt <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Roles that may edit journeys (the server checks too; this only hides controls). */
export function canEditJourneys(session: Session | null): boolean {
  return !!session && session.roles.some((role) => role === 'designer' || role === 'admin');
}

/** Roles that bring answers in and act on them: CSV import, cases (acknowledge, resolve). */
export function canActOnAnswers(session: Session | null): boolean {
  return !!session && session.roles.some((role) => role === 'analyst' || role === 'designer' || role === 'admin');
}

/** Roles that read employee NPS (HR admins everything, leaders their departments). */
export function canReadEnps(session: Session | null): boolean {
  return !!session && session.roles.some((role) => role === 'hr-admin' || role === 'leader' || role === 'admin');
}

/** Roles that run campaigns and manage departments. */
export function canRunEnps(session: Session | null): boolean {
  return !!session && session.roles.some((role) => role === 'hr-admin' || role === 'admin');
}

export class LoginError extends Error {}

export async function login(username: string, password: string): Promise<Session> {
  const response = await fetch('/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    let detail = '';
    try {
      detail = ((await response.json()) as { detail?: string }).detail ?? '';
    } catch {
      // no problem document
    }
    throw new LoginError(detail || `Sign-in failed (${response.status})`);
  }
  const body = (await response.json()) as {
    access_token: string;
    expires_in: number;
    username: string;
    roles: string[];
  };
  const session: Session = {
    token: body.access_token,
    username: body.username,
    roles: body.roles,
    expiresAt: Date.now() + body.expires_in * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}
