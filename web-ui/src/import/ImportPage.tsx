import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import Papa from 'papaparse';
import importTargetsDocument from '../graphql/importTargets.graphql?raw';
import { saveFile, toCsv } from '../export/files';
import { sampleExport } from './sampleExport';
import { graphqlRequest, UnauthorizedError } from '../graphql/client';
import type { ImportJob, ImportTargetsResult } from '../graphql/types';
import { errorMessage } from '../journeys/errors';
import { importJob, startImport } from './api';
import type { ImportTargetsQuery, ImportTargetsQueryVariables } from '../graphql/generated';

type Metric = 'CSAT' | 'NPS' | 'CES';
interface Item { column: string; metric: Metric; zeroMeansNotApplicable: boolean }

const PREVIEW_ROWS = 500;
/** A category value as the server compares it: trimmed, case-insensitive, runs of spaces, - and _ as one space. */
const normalised = (value: string) => value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
const same = (a: string, b: string) => normalised(a) === normalised(b);

/**
 * The categories among {@code cells}, one per value as the server counts them ("Satisfied", " satisfied" and
 * "SATISFIED" are one), each in its most frequent spelling, in order of first appearance.
 */
export function categories(cells: (string | undefined)[]): string[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    const spelling = cell?.trim();
    if (!spelling) continue;
    const key = normalised(spelling);
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    spellings.set(key, counts);
  }
  return [...spellings.values()].map((counts) => [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
}

/**
 * CSV import of a wide survey export into a journey: the columns are read in the browser (first rows
 * only) to propose a mapping (touchpoints by name, the id column, the outcome), a dry run reports what
 * would be stored with each refused row, then the import runs with a progress bar.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [targets, setTargets] = useState<ImportTargetsResult['journey']>(null);
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [sample, setSample] = useState<string[][]>([]);
  const [idColumn, setIdColumn] = useState('');
  const [timestampColumn, setTimestampColumn] = useState('');
  const [segments, setSegments] = useState<string[]>([]);
  const [outcomeColumn, setOutcomeColumn] = useState('');
  const [outcomeType, setOutcomeType] = useState<'NPS' | 'SATISFIED'>('SATISFIED');
  const [satisfiedValue, setSatisfiedValue] = useState('');
  const [items, setItems] = useState<Record<string, Item>>({});
  const [proposedFor, setProposedFor] = useState<string[] | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polling = useRef<number | null>(null);

  useEffect(() => {
    graphqlRequest<ImportTargetsQuery, ImportTargetsQueryVariables>(importTargetsDocument, { id })
      .then((result) => setTargets(result.journey))
      .catch((e) => { if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { if (polling.current) window.clearTimeout(polling.current); };
  }, [id, t]);

  const touchpoints = useMemo(() => (targets?.stages ?? []).flatMap((s) => s.touchpoints ?? []), [targets]);
  const column = (name: string) => header.indexOf(name);
  const values = (name: string) => categories(sample.map((row) => row[column(name)]));

  function read(chosen: File) {
    setFile(chosen);
    setJob(null);
    setError(null);
    Papa.parse<string[]>(chosen, {
      preview: PREVIEW_ROWS + 1,
      skipEmptyLines: true,
      complete: (result) => {
        const [first = [], ...rows] = result.data;
        if (first.length < 2) {
          setError(t('import.notCsv'));
          return;
        }
        setHeader(first);
        setSample(rows);
      },
      error: () => setError(t('import.notCsv')),
    });
  }

  // a first proposal once both the columns and the journey's touchpoints are known: touchpoints by
  // name, the usual id, time, outcome and segment columns
  useEffect(() => {
    if (header.length === 0 || !targets) return;
    const touchpointColumn = (c: string) => touchpoints.some((tp) => same(tp.name, c));
    setIdColumn(header.find((c) => /^(respondent[ _]?)?id$/i.test(c.trim())) ?? header[0]);
    setTimestampColumn(header.find((c) => /date|time|submitted/i.test(c) && !touchpointColumn(c)) ?? '');
    const outcome = header.find((c) => /satisf|recommend|nps|overall/i.test(c) && !touchpointColumn(c)) ?? '';
    setOutcomeColumn(outcome);
    const outcomeValues = outcome ? categories(sample.map((r) => r[header.indexOf(outcome)])) : [];
    setOutcomeType(outcomeValues.length > 0 && outcomeValues.every((v) => /^\d+$/.test(v ?? '')) ? 'NPS' : 'SATISFIED');
    setSatisfiedValue(outcomeValues.find((v) => /^(very )?satisfied$|^yes$/i.test(v ?? '')) ?? '');
    setSegments(header.filter((c) => /type|class|segment|region|tier|plan/i.test(c) && !touchpointColumn(c)));
    setItems(Object.fromEntries(touchpoints.map((tp) => [tp.id,
      { column: header.find((c) => same(c, tp.name)) ?? '', metric: 'CSAT' as Metric, zeroMeansNotApplicable: true }])));
    setProposedFor(header);
  }, [header, sample, targets, touchpoints]);

  function mapping() {
    const mapped = touchpoints.filter((tp) => items[tp.id]?.column).map((tp) => ({
      column: items[tp.id].column, touchpointId: tp.id, metric: items[tp.id].metric,
      zeroMeansNotApplicable: items[tp.id].metric !== 'NPS' && items[tp.id].zeroMeansNotApplicable,
    }));
    const outcome = !outcomeColumn ? null : outcomeType === 'NPS' ? { column: outcomeColumn, type: 'NPS' }
      : { column: outcomeColumn, type: 'SATISFIED',
          // the values of the rows read here, and "not satisfied" for any other value further down the file
          values: Object.fromEntries(values(outcomeColumn).map((v) => [v, v === satisfiedValue ? 1 : 0])), otherwise: 0 };
    return {
      journeyId: id, idColumn, timestampColumn: timestampColumn || null, outcome, items: mapped,
      segmentColumns: Object.fromEntries(segments.map((c) => [c, c])),
    };
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setError(null);
    try {
      follow(await startImport(file, mapping(), dryRun));
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  function follow(current: ImportJob) {
    setJob(current);
    if (current.status === 'RUNNING') {
      polling.current = window.setTimeout(() => {
        importJob(current.id).then(follow).catch((e) => setError(errorMessage(e, t)));
      }, 400);
    }
  }

  const number = new Intl.NumberFormat(i18n.language);
  const mappedCount = touchpoints.filter((tp) => items[tp.id]?.column).length;
  const running = job?.status === 'RUNNING';
  const selectColumn = (value: string, onChange: (v: string) => void, label: string, optional = false) => (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {optional && <option value="">{t('import.none')}</option>}
      {header.map((c) => <option key={c} value={c}>{c}</option>)}
    </select>
  );

  return (
    <main className="import-page">
      <Link to={`/journeys/${id}`}>{t('import.back')}</Link>
      <h1>{t('import.title', { name: targets?.name ?? '…' })}</h1>
      {error && <p role="alert" className="error">{error}</p>}

      <section className="card" aria-labelledby="import-file">
        <h2 id="import-file">{t('import.file')}</h2>
        <p className="muted small">{t('import.fileHint')}</p>
        <input type="file" accept=".csv,text/csv" aria-label={t('import.choose')}
          onChange={(e) => { const chosen = e.target.files?.[0]; if (chosen) read(chosen); }} />
        {touchpoints.length > 0 && (
          <p className="muted small">
            {t('import.sampleHint')}{' '}
            <button type="button" className="link" onClick={() => {
              const sample = sampleExport(touchpoints.map((tp) => tp.name));
              saveFile(toCsv(sample.header, sample.rows), 'sample-export', targets?.name ?? 'journey');
            }}>{t('import.sample')}</button>
          </p>
        )}
        {header.length > 0 && <p className="muted small">{t('import.columns', { count: header.length, rows: sample.length })}</p>}
      </section>

      {header.length > 0 && proposedFor === header && (
        <section className="card mapping" aria-labelledby="import-mapping">
          <h2 id="import-mapping">{t('import.mapping')}</h2>
          <div className="mapping-grid">
            <label>{t('import.idColumn')}{selectColumn(idColumn, setIdColumn, t('import.idColumn'))}</label>
            <label>{t('import.timestampColumn')}{selectColumn(timestampColumn, setTimestampColumn, t('import.timestampColumn'), true)}</label>
            <label>{t('import.outcomeColumn')}{selectColumn(outcomeColumn, setOutcomeColumn, t('import.outcomeColumn'), true)}</label>
            {outcomeColumn && (
              <label>{t('import.outcomeType')}
                <select aria-label={t('import.outcomeType')} value={outcomeType} onChange={(e) => setOutcomeType(e.target.value as 'NPS' | 'SATISFIED')}>
                  <option value="SATISFIED">{t('import.satisfied')}</option>
                  <option value="NPS">NPS 0–10</option>
                </select>
              </label>
            )}
            {outcomeColumn && outcomeType === 'SATISFIED' && (
              <label>{t('import.satisfiedValue')}
                <select aria-label={t('import.satisfiedValue')} value={satisfiedValue} onChange={(e) => setSatisfiedValue(e.target.value)}>
                  <option value="">{t('import.none')}</option>
                  {values(outcomeColumn).map((v) => <option key={v} value={v}>{v}</option>)}
                </select>
              </label>
            )}
          </div>
          <fieldset className="checks">
            <legend>{t('import.segments')}</legend>
            {header.filter((c) => c !== idColumn && c !== outcomeColumn).map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={segments.includes(c)}
                  onChange={(e) => setSegments((s) => e.target.checked ? [...s, c] : s.filter((x) => x !== c))} /> {c}
              </label>
            ))}
          </fieldset>
          <table>
            <caption>{t('import.items', { mapped: mappedCount, total: touchpoints.length })}</caption>
            <thead>
              <tr><th scope="col">{t('import.touchpoint')}</th><th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.metric')}</th><th scope="col">{t('import.zero')}</th></tr>
            </thead>
            <tbody>
              {touchpoints.map((tp) => {
                const item = items[tp.id] ?? { column: '', metric: 'CSAT' as Metric, zeroMeansNotApplicable: true };
                const set = (change: Partial<Item>) => setItems((all) => ({ ...all, [tp.id]: { ...item, ...change } }));
                return (
                  <tr key={tp.id} data-testid="import-item">
                    <th scope="row">{tp.name}</th>
                    <td>{selectColumn(item.column, (column) => set({ column }), t('import.columnOf', { name: tp.name }), true)}</td>
                    <td>
                      <select aria-label={t('import.metricOf', { name: tp.name })} value={item.metric}
                        onChange={(e) => set({ metric: e.target.value as Metric })}>
                        <option value="CSAT">CSAT 1–5</option><option value="NPS">NPS 0–10</option><option value="CES">CES 1–7</option>
                      </select>
                    </td>
                    <td>
                      <input type="checkbox" aria-label={t('import.zeroOf', { name: tp.name })} disabled={item.metric === 'NPS'}
                        checked={item.metric !== 'NPS' && item.zeroMeansNotApplicable} onChange={(e) => set({ zeroMeansNotApplicable: e.target.checked })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" onClick={() => run(true)} disabled={running || mappedCount === 0}>{t('import.dryRun')}</button>
            <button type="button" className="primary" onClick={() => run(false)} disabled={running || mappedCount === 0}>{t('import.run')}</button>
          </div>
        </section>
      )}

      {job && (
        <section className="card" aria-labelledby="import-report" data-testid="import-report">
          <h2 id="import-report">{job.dryRun ? t('import.dryRunReport') : t('import.report')}</h2>
          <progress max={100} value={job.percent} aria-label={t('import.progress')}>{job.percent}%</progress>
          <p role="status">
            {job.status === 'RUNNING' && t('import.running', { processed: number.format(job.processedRows), total: number.format(job.totalRows) })}
            {job.status === 'DONE' && t(job.dryRun ? 'import.wouldImport' : 'import.imported', {
              accepted: number.format(job.accepted), duplicates: number.format(job.duplicates), rejected: number.format(job.rejected) })}
            {job.status === 'FAILED' && <>
              {t(job.dryRun ? 'import.failedDryRun' : 'import.failed', { row: number.format(job.processedRows) })}{' '}
              {job.failure && <span className="muted small">({job.failure})</span>}
            </>}
          </p>
          {job.status === 'DONE' && !job.dryRun && <Link to={`/journeys/${id}`}>{t('import.seeMap')}</Link>}
          {job.errors.length > 0 && (
            <table>
              <caption>{t('import.errors', { count: job.rejected })}</caption>
              <thead><tr><th scope="col">{t('import.row')}</th><th scope="col">{t('import.column')}</th><th scope="col">{t('import.reason')}</th></tr></thead>
              <tbody>
                {job.errors.slice(0, 100).map((e, i) => (
                  <tr key={i}><td>{number.format(e.row)}</td><td>{e.column ?? '—'}</td><td>{e.code ? t(`import.rowErrors.${e.code}`, { value: e.value, expected: e.expected, defaultValue: e.reason }) : e.reason}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </main>
  );
}
