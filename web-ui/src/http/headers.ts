import { getSession } from '../auth/session';
import { languageHeader } from '../i18n';

/** The headers of a call to the suite's API: the user's language and, when signed in, the session's token. */
export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const session = getSession();
  return { ...languageHeader(), ...(session ? { Authorization: `Bearer ${session.token}` } : {}), ...extra };
}
