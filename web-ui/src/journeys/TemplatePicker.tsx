import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import templatesDocument from '../graphql/journeyTemplates.graphql?raw';
import createFromTemplateDocument from '../graphql/createJourneyFromTemplate.graphql?raw';
import { graphqlRequest, UnauthorizedError } from '../graphql/client';
import type { Journey, JourneyTemplate } from '../graphql/types';
import { errorMessage } from './errors';
import type { CreateJourneyFromTemplateMutation, CreateJourneyFromTemplateMutationVariables, JourneyTemplatesQuery, JourneyTemplatesQueryVariables } from '../graphql/generated';

/** Starts a journey from one of the templates (stages and touchpoints included) and opens its map. */
export function TemplatePicker({ onCreated }: { onCreated: (journey: Journey) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [templates, setTemplates] = useState<JourneyTemplate[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    graphqlRequest<JourneyTemplatesQuery, JourneyTemplatesQueryVariables>(templatesDocument)
      .then((result) => setTemplates(result.journeyTemplates))
      .catch((e) => { if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
  }, [t]);

  async function use(template: JourneyTemplate) {
    setBusy(template.key);
    setError(null);
    try {
      const name = (names[template.key] ?? '').trim();
      const { createJourneyFromTemplate: journey } = await graphqlRequest<CreateJourneyFromTemplateMutation, CreateJourneyFromTemplateMutationVariables>(
        createFromTemplateDocument, { key: template.key, name: name || null });
      onCreated(journey);
      navigate(`/journeys/${journey.id}`);
    } catch (e) {
      if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card templates" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {templates === null && !error && <p role="status">{t('templates.loading')}</p>}
      <ul className="plain">
        {(templates ?? []).map((template) => (
          <li key={template.key} className="template" data-testid="template">
            <strong>{template.name}</strong>
            {template.description && <p className="muted small">{template.description}</p>}
            <p className="muted small">{t('templates.size', { stages: template.stageCount, touchpoints: template.touchpointCount })}</p>
            <label htmlFor={`template-name-${template.key}`} className="small">{t('templates.name')}</label>
            <input id={`template-name-${template.key}`} value={names[template.key] ?? ''} placeholder={template.name}
              aria-label={t('templates.nameFor', { name: template.name })}
              onChange={(e) => setNames((n) => ({ ...n, [template.key]: e.target.value }))} />
            <button type="button" onClick={() => use(template)} disabled={busy !== null}
              aria-label={t('templates.use', { name: template.name })}>
              {busy === template.key ? t('newJourney.creating') : t('templates.start')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
