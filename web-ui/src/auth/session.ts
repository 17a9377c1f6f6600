import { languageHeader } from '../i18n';

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

/**
 * Why a sign-in failed: a wrong name or password, the gateway's reason for another refusal (its message),
 * no answer in time, or no connection.
 */
export class LoginError extends Error {
  constructor(message: string, readonly kind: 'invalid' | 'refused' | 'timeout' | 'unreachable' = 'refused') {
    super(message);
  }
}

/** A sign-in the gateway has not answered by then is given up with a message, never left spinning. */
export const LOGIN_TIMEOUT_MS = 15_000;

export async function login(username: string, password: string): Promise<Session> {
  try {
    return await requestToken(username, password);
  } catch (e) {
    if (e instanceof LoginError) {
      throw e;
    }
    // fetch rejects with a DOMException when the signal ends it (also while the body is read), a TypeError without a connection
    const timedOut = e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw new LoginError('', timedOut ? 'timeout' : 'unreachable');
  }
}

async function requestToken(username: string, password: string): Promise<Session> {
  const response = await fetch('/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...languageHeader() },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
  });
  if (response.status === 401) {
    throw new LoginError('', 'invalid');
  }
  if (!response.ok) {
    let detail = '';
    try {
      detail = ((await response.json()) as { detail?: string }).detail ?? '';
    } catch {
      // no problem document
    }
    throw new LoginError(detail); // without a detail the page says the sign-in failed, in the user's language
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
