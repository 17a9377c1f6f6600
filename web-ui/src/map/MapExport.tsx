import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile, toCsv } from '../export/files';
import type { MapStage, Weakness } from '../graphql/types';
import { useNumberFormats } from '../i18n/formats';
import { weaknessReason } from './reasons';

/** Edit controls are left out of pictures of the map. */
const CONTROLS = ['drag-handle', 'icon', 'add-by-name', 'touchpoint-actions', 'add-stage'];

function withoutControls(node: HTMLElement): boolean {
  return !(node.classList && CONTROLS.some((c) => node.classList.contains(c)));
}

/**
 * A line of text as a PNG, drawn by the browser with its fonts: jsPDF's built-in fonts have no Chinese glyphs,
 * so a title written with doc.text would come out as blanks in zh-CN and zh-TW.
 */
function textImage(text: string, width: number, height: number): string {
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#1d2733';
  context.font = '600 16px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  context.textBaseline = 'middle';
  context.fillText(text, 12, height / 2, width - 24);
  return canvas.toDataURL('image/png');
}

/**
 * The map as it looks (PNG at twice the screen's resolution), as a one-page PDF, or its figures as CSV (the
 * reasons worded in the user's language, as the map words them).
 */
export function MapExport({ canvas, name, stages, weakness, days }: {
  canvas: RefObject<HTMLElement | null>; name: string; stages: MapStage[]; weakness: Map<string, Weakness>; days: number;
}) {
  const { t } = useTranslation();
  const { number } = useNumberFormats();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function picture(): Promise<{ url: string; width: number; height: number }> {
    const node = canvas.current!;
    const { toPng } = await import('html-to-image');
    const width = node.scrollWidth;
    const height = node.scrollHeight;
    const url = await toPng(node, { backgroundColor: '#f4f6f9', width, height, pixelRatio: 2, filter: withoutControls,
      style: { overflow: 'visible' } });
    return { url, width, height };
  }

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(t('map.export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  const png = () => run(async () => {
    const { url } = await picture();
    saveFile(await (await fetch(url)).blob(), 'journey-map', name, 'png');
  });

  const pdf = () => run(async () => {
    const [{ url, width, height }, { jsPDF }] = await Promise.all([picture(), import('jspdf')]);
    const title = 36;
    const doc = new jsPDF({ orientation: width > height ? 'landscape' : 'portrait', unit: 'px', format: [width, height + title],
      hotfixes: ['px_scaling'] });
    doc.setProperties({ title: name });
    doc.addImage(textImage(`${name} · ${t('map.lastDays', { count: days })}`, width, title), 'PNG', 0, 0, width, title);
    doc.addImage(url, 'PNG', 0, title, width, height);
    saveFile(doc.output('blob'), 'journey-map', name, 'pdf');
  });

  const csv = () => {
    const rows: (string | number | null)[][] = [];
    stages.forEach((stage) => (stage.touchpoints ?? []).forEach((tp) => {
      const finding = weakness.get(tp.id);
      const measured = tp.measurements ?? [];
      (measured.length ? measured : [null]).forEach((m) => rows.push([stage.name, tp.name, tp.channel, tp.ownerTeam,
        m?.metric ?? null, m?.n ?? null, m?.score.value ?? null, m?.score.margin ?? null, finding?.status ?? null,
        finding && finding.status !== 'OK' ? weaknessReason(finding, t, number) : null]));
    }));
    saveFile(toCsv(['stage', 'touchpoint', 'channel', 'owner_team', 'metric', 'n', 'score', 'margin', 'status', 'reason'], rows),
      'journey-map', name);
  };

  return (
    <div className="map-export" role="group" aria-label={t('map.export.title')}>
      <span className="muted small">{t('map.export.title')}</span>
      <button type="button" onClick={png} disabled={busy}>PNG</button>
      <button type="button" onClick={pdf} disabled={busy}>PDF</button>
      <button type="button" onClick={csv} disabled={busy}>CSV</button>
      {busy && <span role="status" className="muted small">{t('map.export.working')}</span>}
      {error && <span role="alert" className="error small">{error}</span>}
    </div>
  );
}
