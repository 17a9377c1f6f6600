import type { TFunction } from 'i18next';
import { GraphQLRequestError } from '../graphql/client';

/** A message for the user: translated for the codes that need no detail, the server's words otherwise. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof GraphQLRequestError && (error.code === 'FORBIDDEN' || error.code === 'SERVICE_UNAVAILABLE')) {
    return t(`errors.${error.code}`);
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
