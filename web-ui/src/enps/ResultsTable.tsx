import { useTranslation } from 'react-i18next';
import { useNumberFormats } from '../i18n/formats';
import type { CampaignResults, EnpsGroup } from '../graphql/types';
import { hiddenReason } from './hidden';

/**
 * A closed campaign's groups: eNPS with its margin, the promoter / passive / detractor split, response rate;
 * hidden groups say why instead of showing figures, and comments show only where the server allows them.
 */
export function ResultsTable({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const { number, signed } = useNumberFormats();
  const rows: EnpsGroup[] = [...(results.overall ? [results.overall] : []), ...results.departments];
  const label = (g: EnpsGroup) => (g.department === null ? t('enps.results.everyone') : g.name);
  return (
    <div className="results">
      <p className="muted small">{t('enps.results.formula', { min: results.minGroupSize, comments: results.minCommentGroupSize })}</p>
      <table>
        <caption className="visually-hidden">{t('enps.results.caption', { name: results.campaignName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enps.results.group')}</th>
            <th scope="col">{t('enps.results.enps')}</th>
            <th scope="col">{t('enps.results.split')}</th>
            <th scope="col">{t('enps.results.answered')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.department ?? '*'} data-testid="enps-row" className={g.hidden ? 'hidden-group' : undefined}>
              <th scope="row" style={{ paddingInlineStart: `${0.5 + g.depth * 1.25}rem` }}>{label(g)}</th>
              {g.hidden || !g.figures ? (
                <td colSpan={2} className="muted">{hiddenReason(g, t, results.minGroupSize)}</td>
              ) : (
                <>
                  <td>
                    <strong>{signed.format(g.figures.enps)}</strong>{' '}
                    <span className="muted small">±{number.format(g.figures.marginOfError)}</span>
                  </td>
                  <td className="small">
                    {t('enps.results.splitValues', {
                      promoters: number.format(g.figures.promotersPercent),
                      passives: number.format(g.figures.passivesPercent),
                      detractors: number.format(g.figures.detractorsPercent),
                    })}
                  </td>
                </>
              )}
              <td className="small">
                {t('enps.results.answeredOf', { answered: g.answered, invited: g.invited })}
                {g.responseRate !== null && ` (${number.format(g.responseRate)}%)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.filter((g) => !g.hidden && g.comments.length > 0).map((g) => (
        <details key={`c-${g.department ?? '*'}`}>
          <summary>{t('enps.results.comments', { group: label(g), count: g.comments.length })}</summary>
          <ul>{g.comments.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </details>
      ))}
    </div>
  );
}
