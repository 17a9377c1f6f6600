import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderApp, serve, signedInAs } from '../test/render';

const departments = [
  { code: 'acme', name: 'Acme', parent: null, depth: 0, children: ['ops', 'legal'] },
  { code: 'ops', name: 'Operations', parent: 'acme', depth: 1, children: [] },
  { code: 'legal', name: 'Legal', parent: 'acme', depth: 1, children: [] },
];

const campaign = (status: string) => ({
  id: 'c1', name: 'Winter pulse', company: 'Acme', language: 'en', departments: ['acme'], opensAt: null,
  closesAt: '2026-12-31T00:00:00Z', status, resultsReleased: status === 'CLOSED', minGroupSize: 5, minCommentGroupSize: 10,
  createdAt: '2026-12-01T00:00:00Z', closedAt: null, version: 2,
  question: [{ language: 'en', text: 'How likely are you to recommend Acme as a place to work?' }], openQuestion: null,
});

const group = (department: string | null, name: string, depth: number, extra: Record<string, unknown>) => ({
  department, name, depth, invited: 20, answered: 12, responseRate: 60, hidden: false, hiddenRule: null, hiddenReason: null,
  commentsHidden: true, commentsHiddenReason: null, comments: [], figures: null, ...extra,
});

const figures = { n: 12, enps: 33.3, marginOfError: 41.2, promoters: 7, passives: 2, detractors: 3,
  promotersPercent: 58.3, passivesPercent: 16.7, detractorsPercent: 25 };

/** Answers by operation; an answer given as a function is made from the request's variables. */
function graphql(answers: Record<string, unknown>) {
  return serve((_url, init) => {
    const { query, variables } = JSON.parse(String(init.body));
    const name = Object.keys(answers).find((key) => query.includes(key));
    if (!name) throw new Error(`unexpected query ${query}`);
    const answer = answers[name];
    return json({ data: typeof answer === 'function' ? answer(variables) : answer });
  });
}

/** One closed campaign of a trend: figures, or hidden by {@code hiddenRule} (without figures, as the server sends it). */
const trendPoint = (campaignId: string, campaignName: string, closedAt: string, answered: number,
  shown: { enps: number; marginOfError: number } | { hiddenRule: string }) => ({
  campaignId, campaignName, closedAt, group: 'hiddenRule' in shown
    ? { answered, hidden: true, hiddenRule: shown.hiddenRule, figures: null }
    : { answered, hidden: false, hiddenRule: null, figures: { n: answered, ...shown } },
});

/** The trend table's rows, cell by cell. */
const trendCells = () => screen.getAllByTestId('trend-row').map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent));

describe('employee NPS screens', () => {
  it('shows HR a closed campaign with large groups scored, small ones hidden with the reason, and the trend across campaigns', async () => {
    signedInAs('hr-admin');
    const trends: unknown[] = [];
    graphql({
      'query Campaigns': { campaigns: [campaign('CLOSED')] },
      'query EnpsDepartments': { departments },
      'query CampaignParticipation': { campaignParticipation: [
        { department: null, name: 'Winter pulse', depth: 0, invited: 40, answered: 15, responseRate: 37.5 }] },
      'query CampaignResults': { campaignResults: { campaignId: 'c1', campaignName: 'Winter pulse', closedAt: null,
        minGroupSize: 5, minCommentGroupSize: 10,
        overall: group(null, 'Winter pulse', 0, { figures, comments: ['More focus time'], commentsHidden: false }),
        departments: [
          group('ops', 'Operations', 2, { figures }),
          group('legal', 'Legal', 2, { hidden: true, hiddenRule: 'FEWER_THAN_MINIMUM', answered: 3 }),
        ] } },
      'query EnpsTrend': ({ department }: { department: string | null }) => {
        trends.push(department);
        return { enpsTrend: department === 'legal' ? [
          trendPoint('c0', 'Summer pulse', '2026-07-31T12:00:00Z', 9, { enps: -11.1, marginOfError: 52.3 }),
          trendPoint('c1', 'Winter pulse', '2026-12-31T12:00:00Z', 3, { hiddenRule: 'FEWER_THAN_MINIMUM' })] : [
          trendPoint('c0', 'Summer pulse', '2026-07-31T12:00:00Z', 1250, { enps: 8.5, marginOfError: 4.6 }),
          trendPoint('c1', 'Winter pulse', '2026-12-31T12:00:00Z', 15, { enps: 33.3, marginOfError: 41.2 })] };
      },
    });
    renderApp('/enps');

    await userEvent.click(await screen.findByRole('button', { name: 'Winter pulse' }));
    const rows = await screen.findAllByTestId('enps-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('+33.3')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Hidden: fewer than 5 responses');
    expect(rows[2]).not.toHaveTextContent('±');
    expect(screen.getByText('1 comment from Everyone in the campaign')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'New campaign' })).toBeInTheDocument();

    // the trend of the group the results are shown for (everyone, for HR), this campaign marked
    expect(await screen.findByRole('img', { name: 'eNPS of Everyone over 2 closed campaigns, with its 95% margin of error' }))
      .toBeInTheDocument();
    expect(trends).toEqual([null]);
    expect(trendCells()).toEqual([
      ['Summer pulse', 'Jul 31, 2026', '+8.5', '±4.6', '1,250'],
      ['Winter pulse · this campaign', 'Dec 31, 2026', '+33.3', '±41.2', '15']]);
    expect(screen.getAllByTestId('trend-row')[1]).toHaveAttribute('aria-current', 'true');

    // a department hidden in this campaign: the point says why and is neither shown nor drawn as a value
    const trend = screen.getByRole('region', { name: 'Trend across campaigns' });
    await userEvent.selectOptions(within(trend).getByRole('combobox', { name: 'Group' }), 'Legal');
    expect(await screen.findByRole('img', { name: 'eNPS of Legal over 1 closed campaign, with its 95% margin of error' }))
      .toBeInTheDocument();
    expect(trends).toEqual([null, 'legal']);
    expect(trendCells()).toEqual([
      ['Summer pulse', 'Jul 31, 2026', '-11.1', '±52.3', '9'],
      ['Winter pulse · this campaign', 'Dec 31, 2026', 'Hidden: too few responses', '3']]);
  });

  it('lets a leader read results but not run campaigns, and shows designers no eNPS at all', async () => {
    signedInAs('leader');
    graphql({ 'query Campaigns': { campaigns: [campaign('OPEN')] }, 'query EnpsDepartments': { departments },
      'query CampaignParticipation': { campaignParticipation: [] } });
    const { unmount } = renderApp('/enps');
    await userEvent.click(await screen.findByRole('button', { name: 'Winter pulse' }));
    expect(await screen.findByText(/Results are released when the campaign closes/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close and release results' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'New campaign' })).toBeNull();
    unmount();

    signedInAs('designer');
    serve(() => json({ data: { journeys: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } }));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Journeys' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Employee NPS' })).toBeNull();
  });

  it('puts each department\u2019s employee NPS next to the customer NPS of its touchpoints', async () => {
    signedInAs('hr-admin');
    graphql({
      'query Campaigns': { campaigns: [campaign('CLOSED')] },
      'query EnpsDepartments': { departments },
      'query DualNps': { dualNps: [
        { department: 'ops', name: 'Operations', campaignName: 'Winter pulse', closedAt: null,
          employee: { hidden: false, hiddenRule: null, figures: { n: 12, enps: 25, marginOfError: 41.5 } },
          customer: { touchpoints: 3, npsN: 40, nps: -10, npsMargin: 20, csatN: 0, csat: null } },
        { department: 'legal', name: 'Legal', campaignName: 'Winter pulse', closedAt: null,
          employee: { hidden: true, hiddenRule: 'FEWER_THAN_MINIMUM', figures: null },
          customer: { touchpoints: 1, npsN: 0, nps: null, npsMargin: null, csatN: 9, csat: 66.7 } }] },
      'query EnpsTrend': { enpsTrend: [
        trendPoint('c0', 'Summer pulse', '2026-07-31T12:00:00Z', 15, { enps: 20, marginOfError: 30 }),
        trendPoint('c1', 'Winter pulse', '2026-12-31T12:00:00Z', 12, { hiddenRule: 'PROTECTS_SMALLER_GROUP' })] },
    });
    renderApp('/enps');

    await userEvent.click(await screen.findByRole('button', { name: 'Dual NPS: employees and customers' }));
    const rows = await screen.findAllByTestId('dual-row');
    expect(rows[0]).toHaveTextContent('+25 ±41.5 (n=12)');
    expect(rows[0]).toHaveTextContent('-10 ±20 (n=40)');
    expect(rows[1]).toHaveTextContent('Hidden: too few responses');
    expect(rows[1]).toHaveTextContent('no NPS answers (CSAT 66.7%, n=9)');
    // the trend beside it: the figures, and a campaign hidden to protect a smaller group
    expect(await screen.findByRole('img', { name: 'eNPS of Everyone over 1 closed campaign, with its 95% margin of error' }))
      .toBeInTheDocument();
    expect(trendCells()).toEqual([
      ['Summer pulse', 'Jul 31, 2026', '+20', '±30', '15'],
      ['Winter pulse', 'Dec 31, 2026', 'Hidden: it would let a smaller group be worked out', '12']]);
  });

  it('issues links from a roster and lists the rows to fix when the roster is refused', async () => {
    signedInAs('hr-admin');
    let uploads = 0;
    serve((_url, init) => {
      const { query, variables } = JSON.parse(String(init.body));
      if (query.includes('query Campaigns')) return json({ data: { campaigns: [campaign('OPEN')] } });
      if (query.includes('query EnpsDepartments')) return json({ data: { departments } });
      if (query.includes('query CampaignParticipation')) return json({ data: { campaignParticipation: [] } });
      expect(query).toContain('issueSurveyLinksFromRoster');
      expect(variables.csv).toContain('department,email');
      uploads += 1;
      if (uploads === 1) {
        return json({ data: null, errors: [{ message: '1 roster row(s) are invalid; nothing was issued',
          extensions: { code: 'ROSTER_INVALID', errors: [{ row: 3, column: 'email', code: 'NOT_AN_EMAIL', value: '', reason: 'is not an email address' },
            { row: 4, column: 'department', code: 'DEPARTMENT_NOT_IN_CAMPAIGN', value: 'support', reason: 'department support is not in the campaign' }] } }] });
      }
      return json({ data: { issueSurveyLinksFromRoster: { issued: 2, alreadyInvited: ['old@acme.example'], links: [
        { department: 'ops', email: 'a@acme.example', url: 'http://x/survey#1' },
        { department: 'ops', email: 'b@acme.example', url: 'http://x/survey#2' }] } } });
    });
    renderApp('/enps');
    await userEvent.click(await screen.findByRole('button', { name: 'Winter pulse' }));

    const roster = new File(['department,email\nops,a@acme.example\nops,nope\n'], 'roster.csv', { type: 'text/csv' });
    await userEvent.upload(await screen.findByLabelText(/Or upload a roster/), roster);
    expect(await screen.findByText('Row 3, email: is not an email address')).toBeInTheDocument();
    // the rows are worded from their codes, in the user's language
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(screen.getByText('第 4 行，department：部门 support 不在此调查范围内')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'en');

    await userEvent.upload(screen.getByLabelText(/Or upload a roster/), roster);
    expect(await screen.findByText('2 links issued.')).toBeInTheDocument();
    expect(screen.getByText('1 person had a link already and was skipped.')).toBeInTheDocument();
    expect(screen.queryByText('Row 3, email: is not an email address')).toBeNull();
  });
});
