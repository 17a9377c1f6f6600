import type { TFunction } from 'i18next';
import { GraphQLRequestError, HttpStatusError } from '../graphql/client';

/** Codes whose meaning the user needs, not the server's wording. */
const TRANSLATED_CODES = new Set(['FORBIDDEN', 'SERVICE_UNAVAILABLE', 'UNAUTHORIZED']);

/**
 * A message for the user in their language: the codes that need no detail, a status without a body and a
 * lost connection are translated; otherwise the server's own detail (a validation reason) is shown.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof GraphQLRequestError && TRANSLATED_CODES.has(error.code)) {
    return t(`errors.${error.code}`);
  }
  if (error instanceof HttpStatusError && !error.detail) {
    return t('errors.http', { status: error.status });
  }
  // fetch rejects with a TypeError when there is no connection (its text differs per browser, always English)
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return t('errors.unreachable');
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
