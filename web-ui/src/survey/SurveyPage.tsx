import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18next, { languageHeader } from '../i18n';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';

/** What the public survey endpoint answers for a link. */
interface Survey {
  campaign: string;
  language: string;
  questions: Record<string, string>;
  openQuestions: Record<string, string> | null;
  closesAt: string | null;
}

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; survey: Survey }
  | { kind: 'sent' }
  | { kind: 'refused'; code: string };

const SCORES = Array.from({ length: 11 }, (_, i) => i);
const KNOWN_CODES = ['LINK_USED', 'LINK_NOT_FOUND', 'CAMPAIGN_CLOSED', 'CAMPAIGN_NOT_OPEN', 'TOO_MANY_REQUESTS'];

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/employee-nps/public/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...languageHeader() },
    body: JSON.stringify(body),
  });
}

async function refusal(response: Response): Promise<string> {
  try {
    const problem = await response.json();
    if (typeof problem.language === 'string') {
      await i18next.changeLanguage(problem.language);
    }
    return KNOWN_CODES.includes(problem.code) ? problem.code : 'FAILED';
  } catch {
    return 'FAILED';
  }
}

function textIn(texts: Record<string, string> | null, language: string): string | undefined {
  if (!texts) return undefined;
  return texts[language] ?? texts.en ?? Object.values(texts)[0];
}

/**
 * The employee's survey, reached by a single-use link: no login, mobile first. The token is in the URL
 * fragment, which the browser never sends to a server; it goes to the API in request bodies only.
 */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const token = useLocation().hash.replace(/^#/, '');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!token) {
      setState({ kind: 'refused', code: 'LINK_NOT_FOUND' });
      return;
    }
    let current = true;
    post('survey', { token })
      .then(async (response) => {
        if (!current) return;
        if (response.ok) {
          const survey: Survey = await response.json();
          // the campaign's language first; the switcher changes it from there
          await i18next.changeLanguage(survey.language);
          setState({ kind: 'ready', survey });
        } else {
          setState({ kind: 'refused', code: await refusal(response) });
        }
      })
      .catch(() => current && setState({ kind: 'refused', code: 'FAILED' }));
    return () => {
      current = false;
    };
  }, [token]);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (score === null) return;
    setSending(true);
    setFailed(false);
    try {
      const response = await post('survey/responses', { token, score, comment: comment.trim() || undefined });
      if (response.ok) {
        // the token has done its job: keep it out of the browser history
        window.history.replaceState(null, '', window.location.pathname);
        setState({ kind: 'sent' });
      } else {
        const code = await refusal(response);
        if (code === 'FAILED' || code === 'TOO_MANY_REQUESTS') {
          setFailed(true);
        } else {
          setState({ kind: 'refused', code });
        }
      }
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  }

  const language = i18n.language;
  return (
    <main className="survey" lang={language}>
      <div className="survey-top">
        <span className="brand">Cairn</span>
        <LanguageSwitcher />
      </div>
      {state.kind === 'loading' && <p className="muted">{t('survey.loading')}</p>}
      {state.kind === 'refused' && (
        <section className="card" role="status">
          <h1>{t(`survey.refused.${state.code}.title`)}</h1>
          <p>{t(`survey.refused.${state.code}.text`)}</p>
        </section>
      )}
      {state.kind === 'sent' && (
        <section className="card" role="status">
          <h1>{t('survey.thanks')}</h1>
          <p>{t('survey.thanksText')}</p>
        </section>
      )}
      {state.kind === 'ready' && (
        <form className="card" onSubmit={send} noValidate>
          <h1>{state.survey.campaign}</h1>
          <fieldset className="score-scale">
            <legend>{textIn(state.survey.questions, language)}</legend>
            <div className="scores">
              {SCORES.map((value) => (
                <label key={value} className={score === value ? 'score selected' : 'score'}>
                  <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} />
                  <span>{value}</span>
                </label>
              ))}
            </div>
            <div className="scale-ends muted small" aria-hidden="true">
              <span>{t('survey.notLikely')}</span>
              <span>{t('survey.veryLikely')}</span>
            </div>
          </fieldset>
          {state.survey.openQuestions && (
            <>
              <label htmlFor="survey-comment">{textIn(state.survey.openQuestions, language)}</label>
              <textarea id="survey-comment" rows={4} maxLength={2000} value={comment}
                onChange={(e) => setComment(e.target.value)} />
              <p className="muted small">{t('survey.commentHint')}</p>
            </>
          )}
          <p className="muted small">{t('survey.anonymity')}</p>
          {failed && <p className="error" role="alert">{t('survey.sendFailed')}</p>}
          <button type="submit" className="primary" disabled={score === null || sending}>
            {sending ? t('survey.sending') : t('survey.send')}
          </button>
        </form>
      )}
    </main>
  );
}
