import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderApp, serve } from '../test/render';

const emptyJourneys = { data: { journeys: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } };

describe('login', () => {
  afterEach(() => vi.restoreAllMocks());

  async function signIn() {
    await userEvent.type(screen.getByLabelText('Username'), 'designer');
    await userEvent.type(screen.getByLabelText('Password'), 'cairn');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  }

  it('sends a visitor to the login page and, after signing in, to the journeys with the token', async () => {
    const fetch = serve((url, init) => {
      if (url === '/auth/token') {
        expect(JSON.parse(String(init.body))).toEqual({ username: 'designer', password: 'secret' });
        return json({ access_token: 'jwt-1', token_type: 'Bearer', expires_in: 3600, username: 'designer', roles: ['designer'] });
      }
      return json(emptyJourneys);
    });
    renderApp('/');

    await userEvent.click(await screen.findByRole('button', { name: 'designer' }));
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Journeys' })).toBeInTheDocument();
    expect(JSON.parse(sessionStorage.getItem('cairn.session')!).token).toBe('jwt-1');
    // the list is fetched by an effect that may run just after the heading appears
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => url === '/graphql')).toBe(true));
    const graphqlCall = fetch.mock.calls.find(([url]) => url === '/graphql')!;
    expect(graphqlCall[1]!.headers).toMatchObject({ Authorization: 'Bearer jwt-1', 'Accept-Language': 'en' });
  });

  it('shows why a sign-in failed and stores nothing', async () => {
    serve(() => json({ status: 401, code: 'UNAUTHORIZED', detail: 'Invalid username or password' }, 401));
    renderApp('/login');

    await userEvent.type(screen.getByLabelText('Username'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    // in the user's language, whatever the gateway's own words
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(sessionStorage.getItem('cairn.session')).toBeNull();
  });

  it('gives up a sign-in the server leaves unanswered, says so, and lets the user try again', async () => {
    const deadline = new AbortController();
    const timeout = vi.spyOn(AbortSignal, 'timeout').mockReturnValue(deadline.signal);
    serve((_, init) => new Promise((_resolve, reject) =>
      init.signal!.addEventListener('abort', () => reject(init.signal!.reason))));
    renderApp('/login');

    await signIn();
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    expect(timeout).toHaveBeenCalledWith(15_000);
    deadline.abort(new DOMException('signal timed out', 'TimeoutError'));

    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not answer in time. Try again.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(sessionStorage.getItem('cairn.session')).toBeNull();
  });

  it('says when the server cannot be reached instead of showing the browser\'s error', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderApp('/login');

    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached');
    expect(screen.queryByText('Failed to fetch')).toBeNull();
  });
});
