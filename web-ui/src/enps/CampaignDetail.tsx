import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import closeCampaignDocument from '../graphql/closeCampaign.graphql?raw';
import issueSurveyLinksDocument from '../graphql/issueSurveyLinks.graphql?raw';
import issueFromRosterDocument from '../graphql/issueSurveyLinksFromRoster.graphql?raw';
import openCampaignDocument from '../graphql/openCampaign.graphql?raw';
import participationDocument from '../graphql/campaignParticipation.graphql?raw';
import resultsDocument from '../graphql/campaignResults.graphql?raw';
import { GraphQLRequestError, HttpStatusError, graphqlRequest } from '../graphql/client';
import type {
  Campaign, CampaignResults, Department, Participation, SurveyLink } from '../graphql/types';
import { apiHeaders } from '../http/headers';
import { useDateFormats, useNumberFormats } from '../i18n/formats';
import { errorMessage } from '../journeys/errors';
import { ResultsTable } from './ResultsTable';
import { EnpsTrend } from './TrendPanel';
import { saveFile, toCsv } from '../export/files';
import type {
  CampaignParticipationQuery, CampaignParticipationQueryVariables, CampaignResultsQuery, CampaignResultsQueryVariables,
  CloseCampaignMutation, CloseCampaignMutationVariables, IssueSurveyLinksFromRosterMutation, IssueSurveyLinksFromRosterMutationVariables,
  IssueSurveyLinksMutation, IssueSurveyLinksMutationVariables, OpenCampaignMutation, OpenCampaignMutationVariables,
} from '../graphql/generated';

/** Links as a CSV file for whoever sends them out: this download is the only copy. */
function downloadLinks(campaign: Campaign, links: SurveyLink[]) {
  saveFile(toCsv(['department', 'email', 'link'], links.map((l) => [l.department, l.email ?? '', l.url])), 'survey-links',
    campaign.name);
}

/** The results table as the server exports it (only what the screen may show), saved as a file. */
async function downloadResults(campaign: Campaign): Promise<void> {
  const response = await fetch(`/api/employee-nps/campaigns/${encodeURIComponent(campaign.id)}/results.csv`, {
    headers: apiHeaders() });
  if (!response.ok) throw new HttpStatusError(response.status);
  saveFile(await response.blob(), 'enps-results', campaign.name);
}

/** A roster row the server refused: its English reason, and a code with the value it names. */
interface RosterRowError { row: number; column: string; code?: string; value?: string; reason: string }

/** One campaign: lifecycle, links, participation and, once closed, the results. */
export function CampaignDetail({ campaign, departments, manage, onChanged }: {
  campaign: Campaign; departments: Department[]; manage: boolean; onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [participation, setParticipation] = useState<Participation[]>([]);
  const [results, setResults] = useState<CampaignResults | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [issued, setIssued] = useState<SurveyLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rosterNotice, setRosterNotice] = useState<string | null>(null);
  const [rosterRows, setRosterRows] = useState<RosterRowError[]>([]);

  const load = useCallback(async () => {
    setError(null);
    try {
      const p = await graphqlRequest<CampaignParticipationQuery, CampaignParticipationQueryVariables>(participationDocument, { id: campaign.id });
      setParticipation(p.campaignParticipation);
      if (campaign.resultsReleased) {
        const r = await graphqlRequest<CampaignResultsQuery, CampaignResultsQueryVariables>(resultsDocument, { id: campaign.id });
        setResults(r.campaignResults);
      } else {
        setResults(null);
      }
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [campaign.id, campaign.resultsReleased, t]);

  useEffect(() => {
    setIssued(null);
    void load();
  }, [load]);

  async function step<M, V extends object>(document: string, variables: V, confirmKey: string) {
    if (!window.confirm(t(confirmKey, { name: campaign.name }))) return;
    setError(null);
    try {
      await graphqlRequest<M, V>(document, variables);
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  async function issue() {
    setError(null);
    const wanted = Object.entries(counts).filter(([, n]) => n > 0).map(([department, count]) => ({ department, count }));
    if (wanted.length === 0) return;
    try {
      const result = await graphqlRequest<IssueSurveyLinksMutation, IssueSurveyLinksMutationVariables>(issueSurveyLinksDocument, { campaignId: campaign.id, counts: wanted });
      setIssued(result.issueSurveyLinks.links);
      setCounts({});
      void load();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  async function uploadRoster(file: File) {
    setError(null);
    setRosterNotice(null);
    setRosterRows([]);
    try {
      const result = await graphqlRequest<IssueSurveyLinksFromRosterMutation, IssueSurveyLinksFromRosterMutationVariables>(
        issueFromRosterDocument, { campaignId: campaign.id, csv: await file.text() });
      setIssued(result.issueSurveyLinksFromRoster.links);
      if (result.issueSurveyLinksFromRoster.alreadyInvited.length > 0) {
        setRosterNotice(t('enps.links.alreadyInvited', { count: result.issueSurveyLinksFromRoster.alreadyInvited.length }));
      }
      void load();
    } catch (e) {
      setError(errorMessage(e, t));
      if (e instanceof GraphQLRequestError && Array.isArray(e.extensions.errors)) {
        setRosterRows(e.extensions.errors as RosterRowError[]);
      }
    }
  }

  const inScope = departments.filter((d) => participation.some((p) => p.department === d.code));
  // the trend of the groups these results show, the top one first: everyone for HR, a leader's own department
  const trendGroups = (results?.departments ?? []).flatMap((g) => g.department === null ? [] : [{ code: g.department, name: g.name }]);
  const everyoneShown = results?.overall != null;
  const { date: dates } = useDateFormats();
  const { number } = useNumberFormats();
  return (
    <section className="card campaign" aria-labelledby="campaign-title">
      <h2 id="campaign-title">{campaign.name}</h2>
      <p className="muted">
        {t(`enps.status.${campaign.status}`)}
        {campaign.closedAt
          ? ` · ${t('enps.campaign.closedOn', { date: dates.format(new Date(campaign.closedAt)) })}`
          : campaign.closesAt && ` · ${t('enps.campaign.closesOn', { date: dates.format(new Date(campaign.closesAt)) })}`}
        {` · ${t('enps.campaign.minimums', { min: campaign.minGroupSize, comments: campaign.minCommentGroupSize })}`}
      </p>
      <p>{campaign.question.find((q) => q.language === i18n.language)?.text ?? campaign.question[0]?.text}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {manage && campaign.status === 'DRAFT' && (
        <button type="button" className="primary" onClick={() => step<OpenCampaignMutation, OpenCampaignMutationVariables>(openCampaignDocument,
          { id: campaign.id, expectedVersion: campaign.version }, 'enps.campaign.confirmOpen')}>
          {t('enps.campaign.open')}
        </button>
      )}
      {manage && campaign.status === 'OPEN' && (
        <button type="button" onClick={() => step<CloseCampaignMutation, CloseCampaignMutationVariables>(closeCampaignDocument,
          { id: campaign.id, expectedVersion: campaign.version }, 'enps.campaign.confirmClose')}>
          {t('enps.campaign.close')}
        </button>
      )}

      {manage && campaign.status !== 'CLOSED' && (
        <fieldset className="links">
          <legend>{t('enps.links.title')}</legend>
          <p className="muted small">{t('enps.links.hint')}</p>
          {inScope.map((d) => (
            <label key={d.code} className="count">
              <span>{d.name}</span>
              <input type="number" min={0} max={10000} value={counts[d.code] ?? 0}
                onChange={(e) => setCounts({ ...counts, [d.code]: Number(e.target.value) })} />
            </label>
          ))}
          <button type="button" onClick={issue}>{t('enps.links.issue')}</button>
          <label htmlFor="roster-file">{t('enps.links.roster')}</label>
          <input id="roster-file" type="file" accept=".csv,text/csv"
            onChange={(e) => { const file = e.target.files?.[0]; if (file) void uploadRoster(file); e.target.value = ''; }} />
          {rosterRows.length > 0 && (
            <ul className="error small" aria-label={t('enps.links.rosterErrors')}>
              {rosterRows.map((r) => <li key={`${r.row}-${r.column}`}>{t('enps.links.rosterRow', { row: r.row, column: r.column,
                reason: r.code ? t(`enps.links.rosterErrors.${r.code}`, { value: r.value, defaultValue: r.reason }) : r.reason })}</li>)}
            </ul>
          )}
          {rosterNotice && <p className="muted small">{rosterNotice}</p>}
          {issued && (
            <p className="notice" role="status">
              {t('enps.links.issued', { count: issued.length })}{' '}
              <button type="button" className="link" onClick={() => downloadLinks(campaign, issued)}>{t('enps.links.download')}</button>
            </p>
          )}
        </fieldset>
      )}

      <h3>{t('enps.participation.title')}</h3>
      <table>
        <thead>
          <tr><th scope="col">{t('enps.results.group')}</th><th scope="col">{t('enps.participation.invited')}</th>
            <th scope="col">{t('enps.participation.answered')}</th></tr>
        </thead>
        <tbody>
          {participation.map((p) => (
            <tr key={p.department ?? '*'} data-testid="participation-row">
              <th scope="row" style={{ paddingInlineStart: `${0.5 + p.depth * 1.25}rem` }}>
                {p.department === null ? t('enps.results.everyone') : p.name}
              </th>
              <td>{number.format(p.invited)}</td>
              <td>{number.format(p.answered)}{p.responseRate !== null && ` (${number.format(p.responseRate)}%)`}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('enps.results.title')}</h3>
      {results ? (
        <>
          <ResultsTable results={results} />
          <button type="button" onClick={() => downloadResults(campaign).catch((e) => setError(errorMessage(e, t)))}>
            {t('enps.results.export')}
          </button>
          {(everyoneShown || trendGroups.length > 0) && (
            <section aria-labelledby="campaign-trend-title">
              <h3 id="campaign-trend-title">{t('enps.trend.title')}</h3>
              <EnpsTrend groups={trendGroups} everyone={everyoneShown} campaignId={campaign.id} />
            </section>
          )}
        </>
      ) : <p className="muted">{t('enps.results.notReleased')}</p>}
    </section>
  );
}
