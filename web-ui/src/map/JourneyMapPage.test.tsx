import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, renderApp, serve, signedInAs } from '../test/render';
import { subscriptions } from '../test/liveMock';

const tp = (id: string, name: string, measurements: unknown[], extra: Record<string, unknown> = {}) => ({
  id, name, channel: 'WEB', ownerTeam: 'digital', dimension: null, designedEmotion: 0, momentOfTruth: false, version: 1, measurements,
  painPoints: [], opportunities: [], ...extra,
});

/** Long enough for the load that follows own edits once they pause (a second after the last one). */
const SETTLED = { timeout: 3000 };
describe('measured journey map', () => {
  it('shows stages as columns, what customers said per touchpoint, and the weak one with its reason', async () => {
    signedInAs('viewer');
    const fetch = serve((_url, init) => {
      const { variables } = JSON.parse(String(init.body));
      return json({ data: {
        journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
          { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [
            tp('t1', 'Online booking', [{ metric: 'CSAT', n: 650, score: { value: 62.4, margin: 3.7 } }])],
          measurements: [{ metric: 'CSAT', n: 1950, touchpoints: 3, score: { value: 71.25, margin: 2.1 } }] },
          { id: 's2', name: 'Fly', designedEmotion: 0, measurements: null, touchpoints: [
            tp('t2', 'Wifi', [{ metric: 'CSAT', n: 12, score: { value: 40, margin: 25 } }]),
            tp('t3', 'Legroom', [], { channel: 'FIELD_SERVICE', ownerTeam: 'fleet', painPoints: ['Knees against the seat'], opportunities: ['Sell extra legroom'] })] },
        ] },
        weakTouchpoints: [
          { touchpointId: 't1', metric: 'CSAT', status: 'WEAK', severity: 25, target: 80, gap: -17.6, importance: 8,
            reason: 'CSAT 62.4% (n=650, ±3.7) is below the target 80.0% by 17.6; importance 8',
            score: { value: 62.4, margin: 3.7, n: variables.days === 30 ? 1250 : 650 } },
          // a metric answered without a target does not speak for a touchpoint that has a finding against one
          { touchpointId: 't2', metric: 'NPS', status: 'NO_TARGET', severity: 0, target: null, gap: null, importance: null,
            reason: 'No NPS target is set for this touchpoint', score: { value: 10, margin: 40, n: 12 } },
          { touchpointId: 't2', metric: 'CSAT', status: 'INSUFFICIENT_DATA', severity: 0, target: 80, gap: null, importance: null,
            reason: 'n=12 is below 30', score: { value: 40, margin: 25, n: 12 } },
        ],
        segments: [{ attribute: 'class', values: ['business', 'eco'] }],
      } });
    });
    renderApp('/journeys/j1');

    expect(await screen.findByRole('heading', { name: 'Airline trip' })).toBeInTheDocument();
    const stages = screen.getAllByRole('listitem');
    expect(within(stages[0]).getByRole('heading', { name: 'Book' })).toBeInTheDocument();
    const booking = screen.getByRole('article', { name: 'Online booking' });
    expect(booking).toHaveClass('weak', 'severe');
    expect(booking).toHaveTextContent('CSAT 62.4% ±3.7 n=650');
    // the reason is put together from the figures, in the user's language and number format
    expect(booking).toHaveTextContent('Weak: CSAT 62.4% (n=650, ±3.7) is below the target 80% by 17.6; importance 8');
    // the channel as an icon beside its name; the stage as a whole, its touchpoints' answers pooled
    expect(booking.querySelector('svg[data-channel="WEB"]')).not.toBeNull();
    expect(screen.getByRole('region', { name: 'What customers said in Book, all its touchpoints together' }))
      .toHaveTextContent('CSAT 71.3% ±2.1 1,950 answers from 3 touchpoints');
    expect(screen.getByRole('region', { name: 'What customers said in Fly, all its touchpoints together' }))
      .toHaveTextContent('Scores are unavailable right now.');
    const wifi = screen.getByRole('article', { name: 'Wifi' });
    expect(wifi).toHaveClass('insufficient');
    expect(wifi).not.toHaveClass('weak');
    expect(wifi).toHaveTextContent('Insufficient data');
    expect(screen.getByRole('article', { name: 'Legroom' })).toHaveTextContent('No answers in this window');
    // designed against measured emotion per stage (CSAT 62.4% is +0.5 on the -2..+2 scale), pain points and opportunities
    const emotions = screen.getAllByTestId('emotion');
    expect(emotions[0]).toHaveTextContent('designed +1 · measured +0.5');
    expect(emotions[1]).toHaveTextContent('designed 0 · measured -0.4');
    expect(screen.getByRole('region', { name: 'Pain points in Fly' })).toHaveTextContent('Knees against the seat (Legroom)');
    expect(screen.getByRole('region', { name: 'Opportunities in Fly' })).toHaveTextContent('Sell extra legroom');
    // filters keep the touchpoints of one owner
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'fleet');
    expect(screen.queryByRole('article', { name: 'Wifi' })).toBeNull();
    expect(screen.getByText('Showing 1 of 3 touchpoints.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('article', { name: 'Wifi' })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Answers of' }), '30');
    expect(await screen.findByText(/\(n=1,250, ±3\.7\)/)).toBeInTheDocument();
    expect(JSON.parse(String(fetch.mock.calls.at(-1)![1]!.body)).variables).toEqual({ id: 'j1', days: 30, segment: null });

    // a segment filter asks for those respondents' figures only
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Respondents by class' }), 'business');
    await vi.waitFor(() => expect(JSON.parse(String(fetch.mock.calls.at(-1)![1]!.body)).variables)
      .toEqual({ id: 'j1', days: 30, segment: [{ attribute: 'class', value: 'business' }] }));
  });

  it('shows the map without its scores, and says why, while metrics-service is unavailable', async () => {
    signedInAs('viewer');
    const unavailable = (path: (string | number)[]) => ({ message: 'metrics-service is unavailable right now', path,
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'metrics-service' } });
    serve(() => json({
      data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
        { id: 's1', name: 'Book', designedEmotion: 1, measurements: null, touchpoints: [tp('t1', 'Online booking', null as unknown as unknown[])] }] },
      weakTouchpoints: null, segments: null },
      errors: [unavailable(['journey', 'stages', 0, 'measurements']), unavailable(['journey', 'stages', 0, 'touchpoints', 0, 'measurements']),
        unavailable(['weakTouchpoints']), unavailable(['segments'])],
    }));
    renderApp('/journeys/j1');

    expect(await screen.findByRole('heading', { name: 'Book' })).toBeInTheDocument();
    expect(screen.getByText(/Part of the map could not be loaded \(metrics-service did not answer\)/)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('article', { name: 'Online booking' })).toHaveTextContent('Scores are unavailable right now.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('lets a designer rename a stage inline and explains a stale edit instead of forcing it', async () => {
    signedInAs('designer');
    const edits: unknown[] = [];
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
          { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [] },
          { id: 's2', name: 'Fly', designedEmotion: 0, touchpoints: [] }] }, weakTouchpoints: [] } });
      }
      edits.push(variables);
      if (edits.length === 1) return json({ data: { updateStage: { id: 'j1', version: 4 } } });
      return json({ data: null, errors: [{ message: 'Journey j1 is at version 5', extensions: { code: 'CONFLICT', currentVersion: 5 } }] });
    });
    renderApp('/journeys/j1');

    await userEvent.click(await screen.findByRole('button', { name: 'Rename stage Book' }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Rename stage Book' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Rename stage Book' }), 'Plan and book{Enter}');
    expect(edits[0]).toEqual({ journeyId: 'j1', stageId: 's1', expectedVersion: 3, input: { name: 'Plan and book' } });

    await userEvent.type(await screen.findByRole('textbox', { name: 'New stage' }), 'Arrive{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this journey');
    expect(screen.getByRole('button', { name: 'Reload the map' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move stage Fly' })).toBeInTheDocument();
  });

  it('deletes a stage after asking where its touchpoints go, and an empty one after a confirmation', async () => {
    signedInAs('designer');
    const removals: Record<string, unknown>[] = [];
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
          { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [tp('t1', 'Online booking', []), tp('t2', 'Seat choice', [])] },
          { id: 's2', name: 'Fly', designedEmotion: 0, touchpoints: [] },
          { id: 's3', name: 'Arrive', designedEmotion: 0, touchpoints: [] }] }, weakTouchpoints: [] } });
      }
      removals.push(variables);
      return json({ data: { removeStage: { id: 'j1', version: 3 + removals.length } } });
    });
    renderApp('/journeys/j1');

    await userEvent.click(await screen.findByRole('button', { name: 'Delete stage Book' }));
    const form = screen.getByRole('group', { name: 'Delete stage Book' });
    expect(form).toHaveTextContent('The stage “Book” has 2 touchpoints.');
    // moving them is the default; the target can be chosen
    expect(within(form).getByRole('radio', { name: /move them to/ })).toBeChecked();
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Stage to move the touchpoints of Book to' }), 'Arrive');
    await userEvent.click(within(form).getByRole('button', { name: 'Delete the stage' }));
    expect(removals[0]).toEqual({ journeyId: 'j1', stageId: 's1', expectedVersion: 3, touchpoints: 'MOVE', targetStageId: 's3' });

    // (this server keeps the stage: it is shown again once the map is loaded again)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete stage Book' }));
    await userEvent.click(screen.getByRole('radio', { name: /delete them too/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete the stage' }));
    await vi.waitFor(() => expect(removals[1]).toEqual({ journeyId: 'j1', stageId: 's1', expectedVersion: 4, touchpoints: 'DELETE' }));

    // an empty stage: a confirmation, and Cancel changes nothing
    await userEvent.click(screen.getByRole('button', { name: 'Delete stage Fly' }));
    expect(screen.getByRole('group', { name: 'Delete stage Fly' })).toHaveTextContent('Delete the stage “Fly”?');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Delete stage Fly' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Delete stage Fly' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete the stage' }));
    await vi.waitFor(() => expect(removals[2]).toEqual({ journeyId: 'j1', stageId: 's2', expectedVersion: 5 }));
  });

  it('undoes and redoes deletes and additions of touchpoints and stages, bringing back the same ones', async () => {
    signedInAs('designer');
    vi.stubGlobal('confirm', () => true);
    // a journey-keeping server: what is deleted is kept aside, by id, until it is restored
    let version = 3;
    let stages = [
      { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [tp('t1', 'Online booking', []), tp('t2', 'Seat choice', [])] },
      { id: 's2', name: 'Fly', designedEmotion: 0, touchpoints: [tp('t3', 'Boarding', [])] }];
    const aside = new Map<string, { stage?: (typeof stages)[number]; touchpoint?: ReturnType<typeof tp>; stageId?: string }>();
    const calls: { op: string; variables: Record<string, unknown> }[] = [];
    const without = (id: string) => stages.forEach((s) => { s.touchpoints = s.touchpoints.filter((t) => t.id !== id); });
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      const op = /(?:query|mutation) (\w+)/.exec(query)![1];
      if (op === 'JourneyMap') {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version,
          stages: structuredClone(stages) }, weakTouchpoints: [] } });
      }
      calls.push({ op, variables });
      const stage = (id: string) => stages.find((s) => s.id === id)!;
      switch (op) {
        case 'DeleteTouchpoint': {
          const place = stages.find((s) => s.touchpoints.some((t) => t.id === variables.id))!;
          aside.set(variables.id, { touchpoint: place.touchpoints.find((t) => t.id === variables.id), stageId: place.id });
          without(variables.id);
          return json({ data: { deleteTouchpoint: variables.id } });
        }
        case 'RestoreTouchpoint': {
          const kept = aside.get(variables.id)!;
          stage(kept.stageId!).touchpoints.push(kept.touchpoint!);
          return json({ data: { restoreTouchpoint: { id: variables.id, version: 3 } } });
        }
        case 'CreateTouchpoint': {
          const created = tp('t9', variables.input.name, [], { channel: 'OTHER' });
          stage(variables.stageId).touchpoints.push(created);
          const { measurements: _none, ...card } = created;
          return json({ data: { createTouchpoint: card } });
        }
        case 'RemoveStage': {
          const removed = stage(variables.stageId);
          aside.set(variables.stageId, { stage: removed });
          stages = stages.filter((s) => s !== removed);
          if (variables.touchpoints === 'MOVE') stage(variables.targetStageId).touchpoints.push(...removed.touchpoints);
          return json({ data: { removeStage: { id: 'j1', version: ++version } } });
        }
        case 'RestoreStage': {
          const back = { ...aside.get(variables.stageId)!.stage!, touchpoints: [] as ReturnType<typeof tp>[] };
          for (const id of variables.touchpointIds ?? []) {
            const found = stages.flatMap((s) => s.touchpoints).find((t) => t.id === id)!;
            without(id);
            back.touchpoints.push(found);
          }
          stages.splice(variables.position, 0, back);
          return json({ data: { restoreStage: { id: 'j1', version: ++version } } });
        }
        case 'AddStage':
          stages.push({ id: 's9', name: variables.input.name, designedEmotion: 0, touchpoints: [] });
          return json({ data: { addStage: { id: 'j1', version: ++version, stages: stages.map(({ id, name, designedEmotion }) => ({ id, name, designedEmotion })) } } });
      }
      throw new Error(`unexpected ${op}`);
    });
    renderApp('/journeys/j1');
    const column = (name: string) => screen.getByRole('heading', { name }).closest('section')!;
    const cards = (name: string) => within(column(name)).queryAllByTestId('touchpoint-card').map((c) => c.getAttribute('aria-label'));

    // a deleted touchpoint comes back, the same one
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Online booking' }));
    expect(screen.queryByRole('article', { name: 'Online booking' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Undo: delete touchpoint \u201cOnline booking\u201d' }));
    expect(await screen.findByRole('article', { name: 'Online booking' })).toBeInTheDocument();
    expect(calls.map((c) => c.op)).toEqual(['DeleteTouchpoint', 'RestoreTouchpoint']);
    expect(calls[1].variables).toEqual({ id: 't1' });

    // a deleted stage whose touchpoints were moved: back where it was, with them (and, once the map is loaded
    // again after the own edits, last as the server put them)
    await vi.waitFor(() => expect(cards('Book')).toEqual(['Seat choice', 'Online booking']), SETTLED);
    await userEvent.click(screen.getByRole('button', { name: 'Delete stage Book' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete the stage' }));
    await vi.waitFor(() => expect(screen.queryByRole('heading', { name: 'Book' })).toBeNull());
    expect(cards('Fly')).toEqual(['Boarding', 'Seat choice', 'Online booking']);
    await userEvent.click(await screen.findByRole('button', { name: 'Undo: delete stage \u201cBook\u201d' }));
    await vi.waitFor(() => expect(cards('Book')).toEqual(['Seat choice', 'Online booking']), SETTLED);
    expect(cards('Fly')).toEqual(['Boarding']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Book', 'Fly']);
    expect(calls.at(-1)).toEqual({ op: 'RestoreStage', variables: { journeyId: 'j1', stageId: 's1', expectedVersion: 4,
      position: 0, touchpointIds: ['t2', 't1'] } });
    // and redo removes it again the same way
    await userEvent.click(await screen.findByRole('button', { name: 'Redo: delete stage \u201cBook\u201d' }));
    await vi.waitFor(() => expect(calls.at(-1)).toEqual({ op: 'RemoveStage', variables: { journeyId: 'j1', stageId: 's1',
      expectedVersion: 5, touchpoints: 'MOVE', targetStageId: 's2' } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo: delete stage \u201cBook\u201d' }));
    await vi.waitFor(() => expect(cards('Book')).toEqual(['Seat choice', 'Online booking']), SETTLED);

    // an added touchpoint: undo deletes it, redo brings the same one back
    await userEvent.type(screen.getByRole('textbox', { name: 'New touchpoint in Fly' }), 'Kiosk{Enter}');
    expect(await within(column('Fly')).findByRole('article', { name: 'Kiosk' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Undo: add touchpoint \u201cKiosk\u201d' }));
    await vi.waitFor(() => expect(calls.at(-1)).toEqual({ op: 'DeleteTouchpoint', variables: { id: 't9', expectedVersion: 1 } }));
    await vi.waitFor(() => expect(screen.queryByRole('article', { name: 'Kiosk' })).toBeNull());
    await userEvent.click(await screen.findByRole('button', { name: 'Redo: add touchpoint \u201cKiosk\u201d' }));
    await vi.waitFor(() => expect(calls.at(-1)).toEqual({ op: 'RestoreTouchpoint', variables: { id: 't9' } }));
    expect(await within(column('Fly')).findByRole('article', { name: 'Kiosk' })).toBeInTheDocument();

    // an added stage: undo removes it
    await userEvent.type(screen.getByRole('textbox', { name: 'New stage' }), 'Arrive{Enter}');
    expect(await screen.findByRole('heading', { name: 'Arrive' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Undo: add stage \u201cArrive\u201d' }));
    await vi.waitFor(() => expect(screen.queryByRole('heading', { name: 'Arrive' })).toBeNull());
    expect(calls.at(-1)).toEqual({ op: 'RemoveStage', variables: { journeyId: 'j1', stageId: 's9', expectedVersion: 8 } });
  });

  it('shows a viewer no edit controls', async () => {
    signedInAs('viewer');
    serve(() => json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
      { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [tp('t1', 'Online booking', [])] }] }, weakTouchpoints: [] } }));
    renderApp('/journeys/j1');
    expect(await screen.findByRole('heading', { name: 'Book' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rename stage|Move stage|Delete/ })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
  it('follows changes made elsewhere as they happen and says who made them', async () => {
    signedInAs('designer');
    let name = 'Book';
    const fetch = serve(() => json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
      { id: 's1', name, designedEmotion: 1, touchpoints: [] }] }, weakTouchpoints: [] } }));
    renderApp('/journeys/j1');
    expect(await screen.findByRole('heading', { name: 'Book' })).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live');
    expect(subscriptions.at(-1)!.variables).toEqual({ id: 'j1' });

    name = 'Plan and book';
    const before = fetch.mock.calls.length;
    subscriptions.at(-1)!.onData({ journeyChanged: { journeyId: 'j1', journeyVersion: 4, changedBy: 'analyst', at: '2026-12-01T10:00:00Z' } });
    expect(await screen.findByRole('heading', { name: 'Plan and book' })).toBeInTheDocument();
    expect(fetch.mock.calls.length).toBe(before + 1);
    expect(screen.getByTestId('changed-by')).toHaveTextContent('changed by analyst');
  });
  it('keeps an own edit on screen when a map loaded before the server had it comes back late', async () => {
    signedInAs('designer');
    let name = 'Book';
    let loads = 0;
    let releaseLoad: (() => void) | null = null;
    let releaseRename: (() => void) | null = null;
    serve((_url, init) => {
      const { query } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        loads += 1;
        const answer = json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
          { id: 's1', name, designedEmotion: 1, touchpoints: [] }] }, weakTouchpoints: [] } });
        return loads === 2 ? new Promise<Response>((resolve) => { releaseLoad = () => resolve(answer); }) : answer;
      }
      name = 'Plan and book';
      return new Promise<Response>((resolve) => {
        releaseRename = () => resolve(json({ data: { updateStage: { id: 'j1', version: 4 } } }));
      });
    });
    renderApp('/journeys/j1');
    expect(await screen.findByRole('heading', { name: 'Book' })).toBeInTheDocument();

    // a change elsewhere loads the map again (slowly); meanwhile the designer renames the stage
    subscriptions.at(-1)!.onData({ journeyChanged: { journeyId: 'j1', journeyVersion: 4, changedBy: 'analyst', at: null } });
    await vi.waitFor(() => expect(releaseLoad).not.toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Rename stage Book' }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Rename stage Book' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Rename stage Book' }), 'Plan and book{Enter}');
    await vi.waitFor(() => expect(releaseRename).not.toBeNull());

    // the load sent before the rename answers first: it is not shown, the map is loaded again
    releaseLoad!();
    await vi.waitFor(() => expect(loads).toBe(3));
    expect(screen.getByRole('heading', { name: 'Plan and book' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Book' })).toBeNull();
    releaseRename!();
    await vi.waitFor(() => expect(loads).toBe(4), SETTLED);
    expect(await screen.findByRole('heading', { name: 'Plan and book' })).toBeInTheDocument();
  });

  it('exports the figures of the map as CSV, safe to open in a spreadsheet, the reasons as the map words them', async () => {
    signedInAs('viewer');
    serve(() => json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
      { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [
        tp('t1', '=Online, "fast" booking', [{ metric: 'CSAT', n: 650, score: { value: 62.4, margin: 3.7 } }]), tp('t2', 'Gate', [])] }] },
    weakTouchpoints: [{ touchpointId: 't1', metric: 'CSAT', status: 'WEAK', severity: 25, target: 80, gap: -17.6, importance: 8,
      reason: 'CSAT 62.4% is below 80', score: { value: 62.4, margin: 3.7, n: 650 } }] } }));
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => { blobs.push(b); return 'blob:x'; }, revokeObjectURL: () => undefined }));
    renderApp('/journeys/j1');
    await userEvent.click(await screen.findByRole('button', { name: 'CSV' }));

    const text = (await blobs[0].text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      'stage,touchpoint,channel,owner_team,metric,n,score,margin,status,reason',
      'Book,"\'=Online, ""fast"" booking",WEB,digital,CSAT,650,62.4,3.7,WEAK,"CSAT 62.4% (n=650, ±3.7) is below the target 80% by 17.6; importance 8"',
      'Book,Gate,WEB,digital,,,,,,',
      '']);
  });
  it('opens a touchpoint\u2019s drawer: why it is weak, trend, key driver, a case resolved with a note, and a restore', async () => {
    signedInAs('designer');
    const mutations: { query: string; variables: Record<string, unknown> }[] = [];
    let resolved = false;
    serve((_url, init) => {
      const body = JSON.parse(String(init.body));
      if (body.query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 7, stages: [
          { id: 's1', name: 'Fly', designedEmotion: 0, touchpoints: [tp('t1', 'Wifi', [{ metric: 'CSAT', n: 650, score: { value: 42, margin: 3.8 } }])] }] },
        weakTouchpoints: [{ touchpointId: 't1', metric: 'CSAT', status: 'WEAK', severity: 30, target: 80, gap: -38, importance: 9,
          reason: 'CSAT 42% is 38 points below the target 80', score: { value: 42, margin: 3.8, n: 650 } }] } });
      }
      if (body.query.includes('query TouchpointDrawer')) {
        return json({ data: {
          touchpoint: { id: 't1', name: 'Wifi', description: 'On-board internet', channel: 'WEB', ownerTeam: 'digital', dimension: 'SERVICE',
            expectation: null, importance: 9, importanceDerived: false, targets: [{ metric: 'CSAT', value: 80 }], painPoints: ['Drops over the sea'],
            opportunities: [], momentOfTruth: false, version: 2, trend: [
              { metric: 'CSAT', from: '2026-11-16', to: '2026-11-22', n: 300, score: { value: 45, low: 39.5, high: 50.6, margin: 5.6 } },
              { metric: 'CSAT', from: '2026-11-23', to: '2026-11-29', n: 350, score: { value: 39.4, low: 34.4, high: 44.6, margin: 5.1 } }] },
          keyDrivers: [{ touchpointId: 't1', metric: 'CSAT', importance: 0.61, pairs: 640, quadrant: 'FIX_FIRST' }],
          cases: [{ id: 'c1', touchpointId: 't1', metric: 'CSAT', title: 'Wifi: CSAT below 80.0%', reason: 'CSAT 42.0% (n=650, ±3.8) is below 80.0% over the last 30 days',
            finding: { kind: 'BELOW_TARGET', score: 42, n: 650, margin: 3.8, threshold: 80, days: 30, previousScore: null, previousN: null, comment: null, answeredAt: null },
            status: resolved ? 'RESOLVED' : 'ACKNOWLEDGED', ownerTeam: 'digital', openedAt: '2026-11-30T08:00:00Z',
            dueAt: '2026-12-03T08:00:00Z', resolutionNote: resolved ? 'New antennas fitted' : null, version: 2 }],
          journey: { id: 'j1', version: 7, revisions: { totalCount: 7, nodes: [
            { number: 7, operation: 'RESTORE_REVISION 5', actor: 'designer', at: '2026-11-30T09:00:00Z' },
            { number: 6, operation: 'ADD_STAGE', actor: 'designer', at: '2026-11-29T09:00:00Z' }] } },
        } });
      }
      mutations.push(body);
      if (body.query.includes('resolveCase')) resolved = true;
      return json({ data: { result: { id: 'x', version: 8 } } });
    });
    renderApp('/journeys/j1');
    await userEvent.click(await screen.findByRole('button', { name: 'Details of Wifi' }));

    const drawer = await screen.findByRole('dialog', { name: 'Wifi' });
    expect(await within(drawer).findByText('Why it is weak')).toBeInTheDocument();
    expect(drawer).toHaveTextContent('Gap-38');
    expect(drawer).toHaveTextContent('Margin (95%)±3.8');
    expect(drawer).toHaveTextContent('DimensionService');
    expect(within(drawer).getAllByTestId('revision').map((r) => r.firstChild?.textContent))
      .toEqual(['#7 revision #5 restored', '#6 stage added']);
    expect(within(drawer).getByTestId('key-driver')).toHaveTextContent('CSAT: r = 0.61 with the overall outcome over 640 respondents (fix first)');
    expect(await within(drawer).findByRole('img', { name: 'CSAT over 2 weeks with its 95% interval' })).toBeInTheDocument();

    // the case is worded from the figures that opened it, in the user's language
    const kase = within(drawer).getByRole('article', { name: 'Wifi: CSAT below 80%' });
    expect(kase).toHaveTextContent('CSAT 42% (n=650, ±3.8) is below 80% over the last 30 days');
    await userEvent.click(within(kase).getByRole('button', { name: 'Resolve' }));
    expect(within(kase).getByText('Say what was done before resolving.')).toBeInTheDocument();
    expect(mutations).toHaveLength(0);
    await userEvent.type(within(kase).getByLabelText(/^Note/), 'New antennas fitted');
    await userEvent.click(within(kase).getByRole('button', { name: 'Resolve' }));
    await vi.waitFor(() => expect(mutations).toHaveLength(1));
    expect(mutations[0].variables).toEqual({ id: 'c1', expectedVersion: 2, note: 'New antennas fitted' });
    expect(await within(drawer).findByText('Resolved:')).toBeInTheDocument();
    expect(within(drawer).getByText('Resolved:').parentElement).toHaveTextContent('Resolved: New antennas fitted');

    vi.stubGlobal('confirm', () => true);
    await userEvent.click(within(drawer).getByRole('button', { name: 'Restore revision 6' }));
    expect(within(drawer).queryByRole('button', { name: 'Restore revision 7' })).toBeNull();
    await vi.waitFor(() => expect(mutations[1].variables).toEqual({ journeyId: 'j1', number: 6, expectedVersion: 7 }));

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
  it('moves focus into a touchpoint\u2019s drawer as it opens, and back to the card that opened it when it closes', async () => {
    signedInAs('viewer');
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
          { id: 's1', name: 'Fly', designedEmotion: 0, touchpoints: [tp('t1', 'Wifi', []), tp('t2', 'Legroom', [])] }] }, weakTouchpoints: [] } });
      }
      const name = variables.id === 't1' ? 'Wifi' : 'Legroom';
      return json({ data: {
        touchpoint: { id: variables.id, name, description: null, channel: 'WEB', ownerTeam: 'digital', dimension: null, expectation: null,
          importance: null, importanceDerived: false, targets: [], painPoints: [], opportunities: [], momentOfTruth: false, version: 1, trend: [] },
        keyDrivers: [], cases: [], journey: { id: 'j1', version: 3, revisions: { totalCount: 0, nodes: [] } },
      } });
    });
    renderApp('/journeys/j1');

    // opened from the keyboard: focus lands on the drawer's heading, Escape closes it and focus is back on the card
    const wifi = await screen.findByRole('button', { name: 'Details of Wifi' });
    wifi.focus();
    await userEvent.keyboard('{Enter}');
    let drawer = await screen.findByRole('dialog', { name: 'Wifi' });
    expect(within(drawer).getByRole('heading', { name: 'Wifi' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(wifi).toHaveFocus());

    // another card opened into the open drawer takes the focus there again, and gets it back when it closes
    await userEvent.click(wifi);
    await screen.findByRole('dialog', { name: 'Wifi' });
    const legroom = screen.getByRole('button', { name: 'Details of Legroom' });
    await userEvent.click(legroom);
    drawer = await screen.findByRole('dialog', { name: 'Legroom' });
    expect(within(drawer).getByRole('heading', { name: 'Legroom' })).toHaveFocus();
    await userEvent.click(within(drawer).getByRole('button', { name: 'Close the details' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(legroom).toHaveFocus());
  });
  it('renames a touchpoint inline, and undoes and redoes it (buttons and keyboard) on the latest version', async () => {
    signedInAs('designer');
    const edits: { query: string; variables: Record<string, unknown> }[] = [];
    let stored = 'Online booking';
    serve((_url, init) => {
      const body = JSON.parse(String(init.body));
      if (body.query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: 3, stages: [
          { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [tp('t1', stored, [], { version: 1 + edits.length })] }] }, weakTouchpoints: [] } });
      }
      edits.push(body);
      stored = body.variables.input.name;
      return json({ data: { updateTouchpoint: { id: 't1', version: 1 + edits.length } } });
    });
    renderApp('/journeys/j1');
    expect(await screen.findByRole('button', { name: 'Nothing to undo' })).toBeDisabled();

    await userEvent.click(await screen.findByRole('button', { name: 'Rename touchpoint Online booking' }));
    const input = screen.getByRole('textbox', { name: 'Rename touchpoint Online booking' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Booking on the web{Enter}');
    expect(await screen.findByRole('article', { name: 'Booking on the web' })).toBeInTheDocument();
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0].variables).toEqual({ id: 't1', expectedVersion: 1, input: { name: 'Booking on the web' } });

    await userEvent.click(screen.getByRole('button', { name: 'Undo: rename touchpoint \u201cOnline booking\u201d to \u201cBooking on the web\u201d' }));
    expect(await screen.findByRole('article', { name: 'Online booking' })).toBeInTheDocument();
    await vi.waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1].variables).toEqual({ id: 't1', expectedVersion: 2, input: { name: 'Online booking' } });

    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(await screen.findByRole('article', { name: 'Booking on the web' })).toBeInTheDocument();
    await vi.waitFor(() => expect(edits).toHaveLength(3));
    expect(edits[2].variables).toEqual({ id: 't1', expectedVersion: 3, input: { name: 'Booking on the web' } });
    expect(screen.getByRole('button', { name: 'Nothing to redo' })).toBeDisabled();
  });
  it('does not let a rename typed while someone else renamed the same stage overwrite theirs unseen', async () => {
    signedInAs('designer');
    let stage = { name: 'Book', version: 3 };
    const edits: Record<string, unknown>[] = [];
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version: stage.version, stages: [
          { id: 's1', name: stage.name, designedEmotion: 1, touchpoints: [] }] }, weakTouchpoints: [] } });
      }
      edits.push(variables);
      return json({ data: { updateStage: { id: 'j1', version: stage.version + 1 } } });
    });
    renderApp('/journeys/j1');
    await userEvent.click(await screen.findByRole('button', { name: 'Rename stage Book' }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Rename stage Book' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Rename stage Book' }), 'Plan');

    // another designer renames it while the draft is open: the map follows, the draft stays
    stage = { name: 'Search and book', version: 4 };
    subscriptions.at(-1)!.onData({ journeyChanged: { journeyId: 'j1', journeyVersion: 4, changedBy: 'analyst', at: null } });
    const input = await screen.findByRole('textbox', { name: 'Rename stage Search and book' });
    await userEvent.type(input, '{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this journey');
    expect(edits).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Search and book' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Re-apply my change (rename stage \u201cSearch and book\u201d to \u201cPlan\u201d) on the current version' }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ journeyId: 'j1', stageId: 's1', expectedVersion: 4, input: { name: 'Plan' } });
  });
  it('sends a queued edit on the version it was made on, so a change elsewhere that arrived meanwhile makes it stale', async () => {
    signedInAs('designer');
    let version = 3;
    const edits: Record<string, unknown>[] = [];
    let releaseFirst: (() => void) | null = null;
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version, stages: [
          { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [tp('t1', 'Online booking', [])] },
          { id: 's2', name: 'Fly', designedEmotion: 0, touchpoints: [] }] }, weakTouchpoints: [] } });
      }
      edits.push(variables);
      if (edits.length === 1) {
        return new Promise<Response>((resolve) => { releaseFirst = () => resolve(json({ data: { updateTouchpoint: { id: 't1', version: 2 } } })); });
      }
      return json({ data: null, errors: [{ message: 'Journey j1 is at version 5', extensions: { code: 'CONFLICT', currentVersion: 5 } }] });
    });
    renderApp('/journeys/j1');
    // a touchpoint renamed (its answer slow), then a stage: the stage's rename waits in line, made on journey version 3
    for (const [what, from, to] of [['touchpoint', 'Online booking', 'Web booking'], ['stage', 'Fly', 'Travel']]) {
      await userEvent.click(await screen.findByRole('button', { name: `Rename ${what} ${from}` }));
      await userEvent.clear(screen.getByRole('textbox', { name: `Rename ${what} ${from}` }));
      await userEvent.type(screen.getByRole('textbox', { name: `Rename ${what} ${from}` }), `${to}{Enter}`);
    }
    await vi.waitFor(() => expect(releaseFirst).not.toBeNull());
    // someone else's change (journey version 5) reaches the map before the stage's rename is sent
    version = 5;
    subscriptions.at(-1)!.onData({ journeyChanged: { journeyId: 'j1', journeyVersion: 5, changedBy: 'analyst', at: null } });
    await screen.findByTestId('changed-by');
    releaseFirst!();

    // it goes out on the version it was made on, not on the 5 its author never saw: refused and explained
    await vi.waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1]).toMatchObject({ stageId: 's2', expectedVersion: 3 });
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this journey');
  });
  it('re-applies a stale rename on the version someone else made, after saying why it was refused', async () => {
    signedInAs('designer');
    let version = 3;
    const edits: Record<string, unknown>[] = [];
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query JourneyMap')) {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', description: null, version, stages: [
          { id: 's1', name: 'Book', designedEmotion: 1, touchpoints: [] }] }, weakTouchpoints: [] } });
      }
      edits.push(variables);
      if (edits.length === 1) {
        version = 5; // another designer got there first
        return json({ data: null, errors: [{ message: 'Journey j1 is at version 5', extensions: { code: 'CONFLICT', currentVersion: 5 } }] });
      }
      return json({ data: { updateStage: { id: 'j1', version: 6 } } });
    });
    renderApp('/journeys/j1');

    await userEvent.click(await screen.findByRole('button', { name: 'Rename stage Book' }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Rename stage Book' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Rename stage Book' }), 'Plan and book{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this journey');
    expect(screen.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Re-apply my change (rename stage \u201cBook\u201d to \u201cPlan and book\u201d) on the current version' }));
    await vi.waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1]).toEqual({ journeyId: 'j1', stageId: 's1', expectedVersion: 5, input: { name: 'Plan and book' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
