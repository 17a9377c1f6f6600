import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import dualNpsDocument from '../graphql/dualNps.graphql?raw';
import { graphqlRequest } from '../graphql/client';
import type { DualNpsRow } from '../graphql/types';
import { useNumberFormats } from '../i18n/formats';
import { errorMessage } from '../journeys/errors';
import { hiddenReason } from './hidden';
import type { DualNpsQuery, DualNpsQueryVariables } from '../graphql/generated';

/**
 * Employee NPS of each department (its latest closed campaign) against the customer NPS of the touchpoints it
 * owns: a scatter for the departments where both are known, and the full table beside it.
 */
export function DualNpsPanel() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<DualNpsRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    graphqlRequest<DualNpsQuery, DualNpsQueryVariables>(dualNpsDocument, { days: 365 })
      .then((result) => setRows(result.dualNps))
      .catch((e) => setError(errorMessage(e, t)));
  }, [t]);

  const { number, signed } = useNumberFormats();
  const points = (rows ?? [])
    .filter((r) => r.employee.figures && r.customer.nps !== null)
    .map((r) => ({ name: r.name, customer: r.customer.nps as number, employee: r.employee.figures!.enps }));
  return (
    <section className="card dual" aria-labelledby="dual-title">
      <h2 id="dual-title">{t('enps.dual.title')}</h2>
      <p className="muted small">{t('enps.dual.hint')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {rows && points.length > 0 && (
        <div className="dual-chart" role="img" aria-label={t('enps.dual.chartLabel', { count: points.length })}>
          <ResponsiveContainer width="100%" height={320}>
            <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" dataKey="customer" name={t('enps.dual.customer')} domain={[-100, 100]}
                label={{ value: t('enps.dual.customer'), position: 'insideBottom', offset: -15 }} />
              <YAxis type="number" dataKey="employee" name={t('enps.dual.employee')} domain={[-100, 100]}
                label={{ value: t('enps.dual.employee'), angle: -90, position: 'insideLeft' }} />
              <ReferenceLine x={0} stroke="#8a94a6" />
              <ReferenceLine y={0} stroke="#8a94a6" />
              <Tooltip formatter={(value) => signed.format(Number(value))}
                labelFormatter={() => ''} cursor={{ strokeDasharray: '3 3' }} />
              <Scatter data={points} fill="#2f6f5e" name={t('enps.dual.departments')} />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      )}
      {rows && rows.length === 0 && <p className="muted">{t('enps.dual.empty')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('enps.results.group')}</th>
              <th scope="col">{t('enps.dual.employee')}</th>
              <th scope="col">{t('enps.dual.customer')}</th>
              <th scope="col">{t('enps.dual.touchpoints')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.department} data-testid="dual-row">
                <th scope="row">{r.name}<div className="muted small">{r.campaignName}</div></th>
                <td>{r.employee.figures ? `${signed.format(r.employee.figures.enps)} ±${number.format(r.employee.figures.marginOfError)} (n=${number.format(r.employee.figures.n)})`
                  : hiddenReason(r.employee, t)}</td>
                <td>{r.customer.nps !== null ? `${signed.format(r.customer.nps)}${r.customer.npsMargin === null ? '' : ` ±${number.format(r.customer.npsMargin)}`} (n=${number.format(r.customer.npsN)})`
                  : r.customer.csat !== null ? t('enps.dual.csatOnly', { csat: number.format(r.customer.csat), n: number.format(r.customer.csatN) })
                    : t('enps.dual.noAnswers')}</td>
                <td>{r.customer.touchpoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
