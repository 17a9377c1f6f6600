import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import createJourneyDocument from '../graphql/createJourney.graphql?raw';
import { GraphQLRequestError, graphqlRequest } from '../graphql/client';
import type { CreateJourneyInput, Journey } from '../graphql/types';
import { errorMessage } from './errors';
import type { CreateJourneyMutation, CreateJourneyMutationVariables } from '../graphql/generated';

const MAX_NAME = 200;

export function NewJourneyForm({ onCreated }: { onCreated: (journey: Journey) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [ownerTeam, setOwnerTeam] = useState('');
  const [tags, setTags] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setError(null);
    const trimmed = name.trim();
    if (!trimmed) {
      setFieldErrors({ name: t('newJourney.nameRequired') });
      return;
    }
    if (trimmed.length > MAX_NAME) {
      setFieldErrors({ name: t('newJourney.nameTooLong') });
      return;
    }
    setFieldErrors({});
    const input: CreateJourneyInput = { name: trimmed };
    if (description.trim()) input.description = description.trim();
    if (ownerTeam.trim()) input.ownerTeam = ownerTeam.trim();
    const tagList = tags.split(',').map((tag) => tag.trim()).filter(Boolean);
    if (tagList.length) input.tags = tagList;
    setBusy(true);
    try {
      const result = await graphqlRequest<CreateJourneyMutation, CreateJourneyMutationVariables>(createJourneyDocument, { input });
      onCreated(result.createJourney);
      setNotice(t('newJourney.created', { name: result.createJourney.name }));
      setName('');
      setDescription('');
      setOwnerTeam('');
      setTags('');
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.fields.length > 0) {
        setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.field.replace(/\[\d+\]$/, ''), f.message])));
      }
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  const described = (field: string) => (fieldErrors[field] ? `${field}-error` : undefined);

  return (
    <form className="card new-journey" onSubmit={submit} noValidate aria-labelledby="new-journey-title">
      <h2 id="new-journey-title">{t('newJourney.title')}</h2>
      <label htmlFor="journey-name">{t('newJourney.name')}</label>
      <input id="journey-name" value={name} maxLength={MAX_NAME + 50} aria-invalid={!!fieldErrors.name}
        aria-describedby={described('name')} onChange={(e) => setName(e.target.value)} />
      {fieldErrors.name && <p id="name-error" className="field-error">{fieldErrors.name}</p>}

      <label htmlFor="journey-description">{t('newJourney.description')}</label>
      <textarea id="journey-description" rows={3} value={description} aria-invalid={!!fieldErrors.description}
        aria-describedby={described('description')} onChange={(e) => setDescription(e.target.value)} />
      {fieldErrors.description && <p id="description-error" className="field-error">{fieldErrors.description}</p>}

      <label htmlFor="journey-owner">{t('newJourney.ownerTeam')}</label>
      <input id="journey-owner" value={ownerTeam} aria-invalid={!!fieldErrors.ownerTeam}
        aria-describedby={described('ownerTeam')} onChange={(e) => setOwnerTeam(e.target.value)} />
      {fieldErrors.ownerTeam && <p id="ownerTeam-error" className="field-error">{fieldErrors.ownerTeam}</p>}

      <label htmlFor="journey-tags">{t('newJourney.tags')}</label>
      <input id="journey-tags" value={tags} placeholder={t('newJourney.tagsHint')} aria-invalid={!!fieldErrors.tags}
        aria-describedby={described('tags')} onChange={(e) => setTags(e.target.value)} />
      {fieldErrors.tags && <p id="tags-error" className="field-error">{fieldErrors.tags}</p>}

      {error && <p role="alert" className="error">{error}</p>}
      {notice && <p role="status" className="notice">{notice}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('newJourney.creating') : t('newJourney.create')}
      </button>
    </form>
  );
}
