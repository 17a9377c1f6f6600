import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderApp, serve, signedInAs } from '../test/render';

function journey(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id, name, description: null, status: 'DRAFT', ownerTeam: 'care', tags: ['travel'],
    createdAt: '2026-11-01T10:00:00Z', createdBy: 'designer', updatedAt: '2026-11-02T10:00:00Z', version: 1, ...extra,
  };
}

function page(nodes: unknown[], hasNextPage = false, totalCount = nodes.length) {
  return { data: { journeys: { totalCount, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null }, nodes } } };
}

describe('journeys page', () => {
  it('lists journeys and loads the next page', async () => {
    signedInAs('viewer');
    const fetch = serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (!query.includes('query Journeys')) return json({ data: { open: [], acknowledged: [] } });
      return json(variables.after === 'c1' ? page([journey('j3', 'Onboarding')], false, 3)
        : page([journey('j1', 'Airline trip'), journey('j2', 'Store visit', { status: 'PUBLISHED' })], true, 3));
    });
    const listCalls = () => fetch.mock.calls.filter((call) => String(call[1]?.body).includes('query Journeys')).length;
    renderApp('/');

    const rows = await screen.findAllByTestId('journey-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getByText('Published')).toBeInTheDocument();
    expect(screen.getByText('3 journeys')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('journey-row')).toHaveLength(3));
    expect(listCalls()).toBe(2);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows no edit controls to a viewer', async () => {
    signedInAs('viewer');
    serve(() => json(page([journey('j1', 'Airline trip')])));
    renderApp('/');
    await screen.findByText('Airline trip');
    expect(screen.queryByRole('button', { name: 'Create journey' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Journey name')).not.toBeInTheDocument();
  });

  it('lets a designer create a journey that appears at once, and shows the server\u2019s field errors', async () => {
    signedInAs('designer');
    let creates = 0;
    const stored: ReturnType<typeof journey>[] = [];
    serve((_url, init) => {
      const body = JSON.parse(String(init.body));
      if (!body.query.includes('createJourney')) {
        return json(page(stored));
      }
      creates += 1;
      if (creates === 1) {
        return json({ data: null, errors: [{ message: 'Invalid input: ownerTeam may contain letters only',
          extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'ownerTeam', message: 'may contain letters only' }] } }] });
      }
      expect(body.variables.input).toEqual({ name: 'Appliance purchase', ownerTeam: 'retail', tags: ['retail', 'b2c'] });
      stored.push(journey('j9', 'Appliance purchase', { ownerTeam: 'retail', tags: ['retail', 'b2c'] }));
      return json({ data: { createJourney: stored[0] } });
    });
    renderApp('/');
    expect(await screen.findByText(/No journeys yet/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Create journey' }));
    expect(screen.getByText('A journey needs a name.')).toBeInTheDocument();
    expect(creates).toBe(0);

    await userEvent.type(screen.getByLabelText('Journey name'), 'Appliance purchase');
    await userEvent.type(screen.getByLabelText('Owner team'), '<bad>');
    await userEvent.type(screen.getByLabelText('Tags'), 'retail, b2c,');
    await userEvent.click(screen.getByRole('button', { name: 'Create journey' }));
    expect(await screen.findByText('may contain letters only')).toBeInTheDocument();
    expect(screen.getByLabelText('Owner team')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(screen.getByLabelText('Owner team'));
    await userEvent.type(screen.getByLabelText('Owner team'), 'retail');
    await userEvent.click(screen.getByRole('button', { name: 'Create journey' }));
    const row = await screen.findByTestId('journey-row');
    expect(row).toHaveTextContent('Appliance purchase');
    expect(screen.getByRole('status')).toHaveTextContent('Journey “Appliance purchase” created.');
  });

  it('returns to the login page when the session has expired', async () => {
    signedInAs('viewer');
    serve(() => json({ status: 401, code: 'UNAUTHORIZED' }, 401));
    renderApp('/');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(sessionStorage.getItem('cairn.session')).toBeNull();
  });

  it('switches language, keeps the choice and formats for it', async () => {
    signedInAs('viewer');
    serve(() => json(page([journey('j1', 'Airline trip')])));
    renderApp('/');
    await screen.findByText('Airline trip');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(await screen.findByRole('heading', { name: '客户旅程' })).toBeInTheDocument();
    expect(screen.getByText('草稿')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('cairn.language')).toBe('zh-CN');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'zh-TW');
    expect(await screen.findByRole('heading', { name: '顧客旅程' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登出' })).toBeInTheDocument();
  });
  it('starts a journey from a template and opens its map', async () => {
    signedInAs('designer');
    const calls: { query: string; variables: Record<string, unknown> }[] = [];
    serve((_url, init) => {
      const body = JSON.parse(String(init.body));
      calls.push(body);
      if (body.query.includes('journeyTemplates')) {
        return json({ data: { journeyTemplates: [{ key: 'airline', name: 'Airline trip', description: 'Book to arrival',
          tags: ['travel'], stageCount: 6, touchpointCount: 14 }] } });
      }
      if (body.query.includes('createJourneyFromTemplate')) {
        return json({ data: { createJourneyFromTemplate: journey('j9', 'Summer routes') } });
      }
      if (body.query.includes('JourneyMap')) {
        return json({ data: { journey: { id: 'j9', name: 'Summer routes', description: null, version: 1, stages: [] }, weakTouchpoints: [] } });
      }
      return json(page([]));
    });
    renderApp('/');

    const template = await screen.findByTestId('template');
    expect(within(template).getByText('6 stages, 14 touchpoints')).toBeInTheDocument();
    await userEvent.type(within(template).getByRole('textbox', { name: 'Name of the journey from \u201cAirline trip\u201d (optional)' }), 'Summer routes');
    await userEvent.click(screen.getByRole('button', { name: 'Create a journey from the template \u201cAirline trip\u201d' }));

    expect(await screen.findByRole('heading', { name: 'Summer routes', level: 1 })).toBeInTheDocument();
    expect(calls.find((c) => c.query.includes('createJourneyFromTemplate'))?.variables).toEqual({ key: 'airline', name: 'Summer routes' });
  });
  it('puts the weakest touchpoints across journeys, open cases by team and the quadrant on the home page', async () => {
    signedInAs('viewer');
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query Journeys')) return json(page([journey('j1', 'Airline trip'), journey('j2', 'Store visit')]));
      if (query.includes('query OpenCases')) {
        // only cases still to act on are asked for
        expect(query).toMatch(/open: cases\(status: OPEN\)[\s\S]*acknowledged: cases\(status: ACKNOWLEDGED\)/);
        return json({ data: {
          open: [{ id: 'c1', status: 'OPEN', ownerTeam: 'digital', dueAt: '2020-01-01T00:00:00Z' },
            { id: 'c4', status: 'OPEN', ownerTeam: 'catering', dueAt: '2999-01-01T00:00:00Z' }],
          acknowledged: [{ id: 'c2', status: 'ACKNOWLEDGED', ownerTeam: 'digital', dueAt: '2999-01-01T00:00:00Z' }] } });
      }
      expect(variables).toEqual({ j0: 'j1', j1: 'j2' });
      return json({ data: {
        w0: [{ touchpointId: 't1', name: 'Wifi', metric: 'CSAT', status: 'WEAK', severity: 12, target: 80, gap: -38, importance: 9,
          score: { value: 42, margin: 3.8, n: 650 } },
          { touchpointId: 't2', name: 'Food', metric: 'CSAT', status: 'OK', severity: 0, target: 80, gap: 10, importance: 4,
          score: { value: 90, margin: 2.4, n: 600 } }],
        k0: [{ touchpointId: 't1', metric: 'CSAT', importance: 0.6, performance: 42, quadrant: 'FIX_FIRST', pairs: 640 }],
        w1: [{ touchpointId: 't9', name: 'Checkout', metric: 'CES', status: 'WEAK', severity: 30, target: 5, gap: -1.9, importance: null,
          score: { value: 3.1, margin: 0.3, n: 90 } }],
        k1: [],
      } });
    });
    renderApp('/');

    const weakest = await screen.findByTestId('weakest');
    await within(weakest).findByText('Checkout');
    expect(within(weakest).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Checkout Store visit · severity 30CES 3.1 (n=90, ±0.3) is below the target 5 by 1.9',
      'Wifi Airline trip · severity 12CSAT 42% (n=650, ±3.8) is below the target 80% by 38; importance 9']);
    const teams = screen.getByTestId('cases-by-team');
    expect(await within(teams).findByRole('row', { name: 'digital 2 1' })).toBeInTheDocument();
    expect(within(teams).getByRole('row', { name: 'catering 1 0' })).toBeInTheDocument();
    expect(within(teams).queryByText('fleet')).toBeNull();
    expect(await screen.findByRole('img', { name: '1 touchpoint by importance and performance' })).toBeInTheDocument();
  });
  it('keeps the other journeys on the home page when one journey\u2019s findings are unavailable', async () => {
    signedInAs('viewer');
    serve((_url, init) => {
      const { query } = JSON.parse(String(init.body));
      if (query.includes('query Journeys')) return json(page([journey('j1', 'Airline trip'), journey('j2', 'Store visit')]));
      if (query.includes('query OpenCases')) return json({ data: { open: [], acknowledged: [] } });
      return json({
        data: {
          w0: [{ touchpointId: 't1', name: 'Wifi', metric: 'CSAT', status: 'WEAK', severity: 12, target: 80, gap: -38, importance: 9,
            score: { value: 42, margin: 3.8, n: 650 } }],
          k0: [], w1: null, k1: null,
        },
        errors: [{ message: 'The metrics-service did not answer in time', path: ['w1'], extensions: { code: 'SERVICE_UNAVAILABLE', service: 'metrics-service' } },
          { message: 'The metrics-service did not answer in time', path: ['k1'], extensions: { code: 'SERVICE_UNAVAILABLE', service: 'metrics-service' } }],
      });
    });
    renderApp('/');

    const weakest = await screen.findByTestId('weakest');
    await within(weakest).findByText('Wifi');
    expect(within(weakest).getAllByRole('listitem')).toHaveLength(1);
  });
});
