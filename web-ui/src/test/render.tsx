import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { App } from '../App';
import { SessionProvider } from '../auth/SessionContext';

/** The whole app at {@code path}, as the browser would show it. */
export function renderApp(path: string) {
  return render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </SessionProvider>,
  );
}

/** Stores a session as a successful login would. */
export function signedInAs(role: string) {
  sessionStorage.setItem('cairn.session', JSON.stringify({
    token: `token-of-${role}`, username: role, roles: [role], expiresAt: Date.now() + 3_600_000,
  }));
}

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Replaces fetch with {@code handler}; returns the mock to inspect the calls. */
export function serve(handler: Handler) {
  const mock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(handler(String(input), init ?? {})));
  vi.stubGlobal('fetch', mock);
  return mock;
}

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
