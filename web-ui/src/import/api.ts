import { HttpStatusError } from '../graphql/client';
import type { ImportJob } from '../graphql/types';
import { apiHeaders } from '../http/headers';

async function answer(response: Response): Promise<ImportJob> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new HttpStatusError(response.status, body?.detail ?? body?.message ?? '');
  }
  return body as ImportJob;
}

/** Starts an import (or a dry run that stores nothing) of {@code file} with {@code mapping}. */
export async function startImport(file: File, mapping: object, dryRun: boolean): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file);
  form.append('mapping', new Blob([JSON.stringify(mapping)], { type: 'application/json' }));
  return answer(await fetch(`/api/metrics/imports?dryRun=${dryRun}`, { method: 'POST', headers: apiHeaders(), body: form }));
}

export async function importJob(id: string): Promise<ImportJob> {
  return answer(await fetch(`/api/metrics/imports/${encodeURIComponent(id)}`, { headers: apiHeaders() }));
}
