import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, renderApp, serve, signedInAs } from '../test/render';

const CSV = [
  'ID,Class,Ease of Online Booking,In-flight Wifi Service,Satisfaction',
  '1,Business,4,0,Satisfied',
  '2,Eco,2,3,Neutral or Dissatisfied',
  '3,Eco,5,9,Satisfied',
  // the same categories spelled otherwise, as real exports have them
  '4,Eco,3,2,SATISFIED',
  '5,Business,4,4, satisfied',
  '6,Eco,1,1,neutral or dissatisfied',
].join('\n');

describe('CSV import', () => {
  it('offers a sample export for the journey that the import maps whole by itself', async () => {
    signedInAs('designer');
    serve(() => json({ data: { journey: { id: 'j1', name: 'Airline trip', stages: [
      { id: 's1', name: 'Book', touchpoints: [{ id: 't-book', name: 'Ease of Online Booking' }] },
      { id: 's2', name: 'Fly', touchpoints: [{ id: 't-wifi', name: 'In-flight Wifi Service' }, { id: 't-time', name: 'Departure Time' }] }] } } }));
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => { blobs.push(b); return 'blob:x'; }, revokeObjectURL: () => undefined }));
    renderApp('/journeys/j1/import');

    await userEvent.click(await screen.findByRole('button', { name: /Download a sample export/ }));
    expect(blobs).toHaveLength(1);
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([blobs[0]], 'sample.csv', { type: 'text/csv' }));

    expect(await screen.findByText('Touchpoints: 3 of 3 mapped to a column')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Respondent id/ })).toHaveValue('ID');
    expect(screen.getByRole('combobox', { name: /^Answer time/ })).toHaveValue('Date');
    expect(screen.getByRole('combobox', { name: 'Overall outcome' })).toHaveValue('Satisfaction');
    expect(screen.getByRole('combobox', { name: /^Value meaning satisfied/ })).toHaveValue('satisfied');
    for (const segment of ['Customer Type', 'Type of Travel', 'Class']) expect(screen.getByRole('checkbox', { name: segment })).toBeChecked();
  });

  it('proposes a mapping from the columns, reports a dry run row by row, then imports with progress', async () => {
    signedInAs('designer');
    const posts: { url: string; mapping: Record<string, unknown> }[] = [];
    let polls = 0;
    serve(async (url, init) => {
      if (url === '/graphql') {
        return json({ data: { journey: { id: 'j1', name: 'Airline trip', stages: [
          { id: 's1', name: 'Book', touchpoints: [{ id: 't-book', name: 'Ease of online booking' }] },
          { id: 's2', name: 'Fly', touchpoints: [{ id: 't-wifi', name: 'In-flight wifi service' }, { id: 't-food', name: 'Food' }] }] } } });
      }
      if (init.method === 'POST') {
        const form = init.body as FormData;
        posts.push({ url, mapping: JSON.parse(await (form.get('mapping') as Blob).text()) });
        const dryRun = url.includes('dryRun=true');
        return json({ id: dryRun ? 'dry' : 'real', journeyId: 'j1', dryRun, status: dryRun ? 'DONE' : 'RUNNING', totalRows: 3,
          processedRows: dryRun ? 3 : 1, accepted: 2, duplicates: 0, rejected: 1, percent: dryRun ? 100 : 33, failure: null,
          errors: [{ row: 3, column: 'In-flight Wifi Service', code: 'OUTSIDE_SCALE', value: '9', expected: 'CSAT 1-5', reason: '9 is outside the CSAT scale 1-5' }] }, 202);
      }
      polls += 1;
      return json({ id: 'real', journeyId: 'j1', dryRun: false, status: 'DONE', totalRows: 3, processedRows: 3, accepted: 2,
        duplicates: 0, rejected: 1, percent: 100, failure: null, errors: [{ row: 3, column: 'In-flight Wifi Service', reason: '9 is outside the CSAT scale 1-5' }] });
    });
    renderApp('/journeys/j1/import');

    await screen.findByRole('heading', { name: 'Import answers into \u201cAirline trip\u201d' });
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'airline.csv', { type: 'text/csv' }));

    // touchpoints found by name whatever the case, the id, the outcome and the segment column proposed
    expect(await screen.findByRole('combobox', { name: 'Column of In-flight wifi service' })).toHaveValue('In-flight Wifi Service');
    expect(screen.getByRole('combobox', { name: 'Column of Food' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: /^Respondent id/ })).toHaveValue('ID');
    expect(screen.getByRole('combobox', { name: 'Overall outcome' })).toHaveValue('Satisfaction');
    const satisfied = screen.getByRole('combobox', { name: /^Value meaning satisfied/ });
    expect(satisfied).toHaveValue('Satisfied');
    // one choice per category, in its most frequent spelling
    expect(within(satisfied).getAllByRole('option').map((o) => o.textContent)).toEqual(['(none)', 'Satisfied', 'Neutral or Dissatisfied']);
    expect(screen.getByRole('checkbox', { name: 'Class' })).toBeChecked();
    expect(screen.getByText('Touchpoints: 2 of 3 mapped to a column')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText('Dry run: nothing was stored')).toBeInTheDocument();
    expect(report).toHaveTextContent('Would import: 2 respondents · already imported: 0 · refused rows: 1');
    expect(within(report).getByRole('row', { name: '3 In-flight Wifi Service 9 is outside the scale CSAT 1-5' })).toBeInTheDocument();
    expect(posts[0].mapping).toEqual({
      journeyId: 'j1', idColumn: 'ID', timestampColumn: null, segmentColumns: { Class: 'Class' },
      outcome: { column: 'Satisfaction', type: 'SATISFIED', values: { Satisfied: 1, 'Neutral or Dissatisfied': 0 }, otherwise: 0 },
      items: [
        { column: 'Ease of Online Booking', touchpointId: 't-book', metric: 'CSAT', zeroMeansNotApplicable: true },
        { column: 'In-flight Wifi Service', touchpointId: 't-wifi', metric: 'CSAT', zeroMeansNotApplicable: true }],
    });

    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported: 2 respondents · already there: 0 · refused rows: 1')).toBeInTheDocument();
    await waitFor(() => expect(polls).toBe(1));
    expect(screen.getByRole('link', { name: 'See the measured map' })).toHaveAttribute('href', '/journeys/j1');
    expect(posts[1].url).toBe('/api/metrics/imports?dryRun=false');
  });
});
