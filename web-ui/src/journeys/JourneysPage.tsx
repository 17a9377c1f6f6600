import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import journeysDocument from '../graphql/journeys.graphql?raw';
import { graphqlRequest, UnauthorizedError } from '../graphql/client';
import { useDateFormats } from '../i18n/formats';
import type { Journey, JourneysVariables } from '../graphql/types';
import { useSession } from '../auth/SessionContext';
import { canEditJourneys } from '../auth/session';
import { NewJourneyForm } from './NewJourneyForm';
import { TemplatePicker } from './TemplatePicker';
import { Dashboard } from './Dashboard';
import { errorMessage } from './errors';
import type { JourneysQuery, JourneysQueryVariables } from '../graphql/generated';

const PAGE_SIZE = 25;

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready' };

export function JourneysPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [journeys, setJourneys] = useState<Journey[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  // only the latest request may set the list: an older answer arriving late would drop newer journeys
  const latestRequest = useRef(0);

  const fetchPage = useCallback(async (after: string | null) => {
    const request = ++latestRequest.current;
    setLoad({ state: 'loading' });
    try {
      const variables: JourneysVariables = { first: PAGE_SIZE, after };
      const { journeys: page } = await graphqlRequest<JourneysQuery, JourneysQueryVariables>(journeysDocument, variables);
      if (request !== latestRequest.current) return;
      setJourneys((current) => (after ? [...current, ...page.nodes] : page.nodes));
      setTotal(page.totalCount);
      setCursor(page.pageInfo.endCursor);
      setHasMore(page.pageInfo.hasNextPage);
      setLoad({ state: 'ready' });
    } catch (e) {
      if (request === latestRequest.current && !(e instanceof UnauthorizedError)) {
        setLoad({ state: 'error', message: errorMessage(e, t) });
      }
    }
  }, [t]);

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  function created(journey: Journey) {
    setJourneys((current) => [journey, ...current.filter((j) => j.id !== journey.id)]);
    setTotal((count) => count + 1);
    // and from the server, so a list request still in flight cannot hide the new journey
    void fetchPage(null);
  }

  const { dateTime: dates } = useDateFormats();
  const editor = canEditJourneys(session);

  return (
    <main className={editor ? 'journeys with-form' : 'journeys'}>
      <div className="home-main">
      {load.state === 'ready' && journeys.length > 0 && <Dashboard journeys={journeys} />}
      <section aria-labelledby="journeys-title" className="card">
        <div className="section-head">
          <h1 id="journeys-title">{t('journeys.title')}</h1>
          {load.state !== 'loading' || journeys.length > 0 ? (
            <span className="muted">{t('journeys.count', { count: total })}</span>
          ) : null}
        </div>
        {load.state === 'error' && (
          <div role="alert" className="error">
            {load.message}{' '}
            <button type="button" onClick={() => fetchPage(null)}>{t('journeys.retry')}</button>
          </div>
        )}
        {load.state === 'loading' && journeys.length === 0 && <p role="status">{t('journeys.loading')}</p>}
        {load.state === 'ready' && journeys.length === 0 && (
          <p className="empty">{t('journeys.empty')} {editor && t('journeys.emptyEditor')}</p>
        )}
        {journeys.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('journeys.name')}</th>
                <th scope="col">{t('journeys.status')}</th>
                <th scope="col">{t('journeys.ownerTeam')}</th>
                <th scope="col">{t('journeys.tags')}</th>
                <th scope="col">{t('journeys.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {journeys.map((journey) => (
                <tr key={journey.id} data-testid="journey-row">
                  <td>
                    <Link to={`/journeys/${journey.id}`} aria-label={t('map.open', { name: journey.name })}>
                      <strong>{journey.name}</strong>
                    </Link>
                    {journey.description && <div className="muted small">{journey.description}</div>}
                  </td>
                  <td><span className={`status status-${journey.status.toLowerCase()}`}>{t(`journeys.statuses.${journey.status}`)}</span></td>
                  <td>{journey.ownerTeam ?? '—'}</td>
                  <td>{journey.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</td>
                  <td><time dateTime={journey.updatedAt}>{dates.format(new Date(journey.updatedAt))}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {hasMore && (
          <button type="button" onClick={() => fetchPage(cursor)} disabled={load.state === 'loading'}>
            {t('journeys.loadMore')}
          </button>
        )}
      </section>
      </div>
      {editor && (
        <div className="side">
          <TemplatePicker onCreated={created} />
          <NewJourneyForm onCreated={created} />
        </div>
      )}
    </main>
  );
}
