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

function graphql(answers: Record<string, unknown>) {
  return serve((_url, init) => {
    const { query } = JSON.parse(String(init.body));
    const name = Object.keys(answers).find((key) => query.includes(key));
    if (!name) throw new Error(`unexpected query ${query}`);
    return json({ data: answers[name] });
  });
}

describe('employee NPS screens', () => {
  it('shows HR a closed campaign with large groups scored and small ones hidden with the reason', async () => {
    signedInAs('hr-admin');
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
      'query EnpsTrend': { enpsTrend: [{ campaignId: 'c1', campaignName: 'Winter pulse', closedAt: null,
        group: { answered: 15, hidden: false, hiddenRule: null, figures: { n: 15, enps: 20, marginOfError: 30 } } }] },
    });
    renderApp('/enps');

    await userEvent.click(await screen.findByRole('button', { name: 'Dual NPS: employees and customers' }));
    const rows = await screen.findAllByTestId('dual-row');
    expect(rows[0]).toHaveTextContent('+25 ±41.5 (n=12)');
    expect(rows[0]).toHaveTextContent('-10 ±20 (n=40)');
    expect(rows[1]).toHaveTextContent('Hidden: too few responses');
    expect(rows[1]).toHaveTextContent('no NPS answers (CSAT 66.7%, n=9)');
    expect(await screen.findByText('+20 ±30')).toBeInTheDocument();
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
