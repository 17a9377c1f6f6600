import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import createCampaignDocument from '../graphql/createCampaign.graphql?raw';
import { graphqlRequest } from '../graphql/client';
import type { CampaignInput, Department } from '../graphql/types';
import { LANGUAGES } from '../i18n';
import { errorMessage } from '../journeys/errors';
import type { CreateCampaignMutation, CreateCampaignMutationVariables } from '../graphql/generated';

function inTwoWeeks(): string {
  // the date the user's calendar shows two weeks from now (toISOString would give the UTC date)
  const date = new Date(Date.now() + 14 * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A new campaign (a draft): name, company, language, target departments, closing day, thresholds. */
export function NewCampaignForm({ departments, onCreated }: { departments: Department[]; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const [language, setLanguage] = useState('en');
  const [targets, setTargets] = useState<string[]>([]);
  const [closes, setCloses] = useState(inTwoWeeks());
  const [minGroup, setMinGroup] = useState(5);
  const [openQuestion, setOpenQuestion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return setError(t('enps.campaign.nameRequired'));
    if (targets.length === 0) return setError(t('enps.campaign.departmentsRequired'));
    if (minGroup < 3) return setError(t('enps.campaign.minGroupFloor'));
    const input: CampaignInput = {
      name: name.trim(), language, departments: targets, minGroupSize: minGroup,
      closesAt: new Date(`${closes}T23:59:59`).toISOString(),
    };
    if (company.trim()) input.company = company.trim();
    if (openQuestion.trim()) input.openQuestion = [{ language, text: openQuestion.trim() }];
    setBusy(true);
    try {
      const created = await graphqlRequest<CreateCampaignMutation, CreateCampaignMutationVariables>(createCampaignDocument, { input });
      setName('');
      setOpenQuestion('');
      onCreated(created.createCampaign.id);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-campaign-title" noValidate>
      <h2 id="new-campaign-title">{t('enps.campaign.new')}</h2>
      <label htmlFor="campaign-name">{t('enps.campaign.name')}</label>
      <input id="campaign-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="campaign-company">{t('enps.campaign.company')}</label>
      <input id="campaign-company" value={company} maxLength={200} onChange={(e) => setCompany(e.target.value)} />
      <label htmlFor="campaign-language">{t('enps.campaign.language')}</label>
      <select id="campaign-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
        {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
      </select>
      <fieldset className="checks">
        <legend>{t('enps.campaign.departments')}</legend>
        {departments.map((d) => (
          <label key={d.code} className="check" style={{ paddingInlineStart: `${d.depth}rem` }}>
            <input type="checkbox" checked={targets.includes(d.code)}
              onChange={(e) => setTargets(e.target.checked ? [...targets, d.code] : targets.filter((c) => c !== d.code))} />
            {d.name}
          </label>
        ))}
      </fieldset>
      <label htmlFor="campaign-closes">{t('enps.campaign.closes')}</label>
      <input id="campaign-closes" type="date" value={closes} onChange={(e) => setCloses(e.target.value)} />
      <label htmlFor="campaign-min">{t('enps.campaign.minGroup')}</label>
      <input id="campaign-min" type="number" min={3} value={minGroup} onChange={(e) => setMinGroup(Number(e.target.value))} />
      <label htmlFor="campaign-open-question">{t('enps.campaign.openQuestion')}</label>
      <input id="campaign-open-question" value={openQuestion} maxLength={500} onChange={(e) => setOpenQuestion(e.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>{t('enps.campaign.create')}</button>
    </form>
  );
}
