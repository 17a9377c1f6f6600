import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderApp, serve } from '../test/render';

const emptyJourneys = { data: { journeys: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } };

describe('login', () => {
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
    expect((graphqlCall[1]!.headers as Record<string, string>).Authorization).toBe('Bearer jwt-1');
  });

  it('shows why a sign-in failed and stores nothing', async () => {
    serve(() => json({ status: 401, code: 'UNAUTHORIZED', detail: 'Invalid username or password' }, 401));
    renderApp('/login');

    await userEvent.type(screen.getByLabelText('Username'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid username or password');
    expect(sessionStorage.getItem('cairn.session')).toBeNull();
  });
});
