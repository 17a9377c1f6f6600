import { clearSession } from '../auth/session';
import { apiHeaders } from '../http/headers';

/** A field the server refused, as listed in `extensions.fields`. */
export interface FieldError {
  field: string;
  message: string;
}

/** A failed GraphQL call: the server's error code (FORBIDDEN, VALIDATION_FAILED, ...) and message. */
export class GraphQLRequestError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  /** Further details the server sent, e.g. `errors` (rows of a refused roster). */
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: string, fields: FieldError[] = [], extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = 'GraphQLRequestError';
    this.code = code;
    this.fields = fields;
    this.extensions = extensions;
  }
}

/** An HTTP answer without a usable body (an empty 502, a proxy's error page): its status and the server's detail, if any. */
export class HttpStatusError extends Error {
  readonly status: number;

  constructor(status: number, readonly detail: string = '') {
    super(detail || `HTTP ${status}`);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

/** Raised when the session is missing or expired; the app then returns to the login page. */
export class UnauthorizedError extends GraphQLRequestError {
  constructor() {
    super('Your session has expired; please sign in again.', 'UNAUTHORIZED');
    this.name = 'UnauthorizedError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: FieldError[]; [key: string]: unknown } }[];
}

const listeners = new Set<() => void>();

/** Called when a request finds the session expired (the router sends the user to /login). */
export function onUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** An error of one part of an answer (a field whose service is unavailable), beside the data that did arrive. */
export type FieldFailure = NonNullable<GraphQLResponse<unknown>['errors']>[number] & { path?: (string | number)[] };

/**
 * Sends one query whose answer may come in part: when a service behind some of its fields is unavailable the
 * gateway answers the rest, with those fields null and an error for each. Throws only when nothing came back.
 */
export async function graphqlPartial<T, V extends object = Record<string, never>>(
  document: string,
  variables?: NoInfer<V>,
): Promise<{ data: T; failures: FieldFailure[]; unavailable: string[] }> {
  const { body, status } = await send<T>(document, variables);
  if (body.data == null) throw requestError(body, status);
  const failures = (body.errors ?? []) as FieldFailure[];
  // the services that did not answer, once each, as the gateway names them
  const unavailable = [...new Set(failures.map((f) => String(f.extensions?.service ?? f.extensions?.code ?? '?')))];
  return { data: body.data, failures, unavailable };
}

/**
 * Sends one operation. Name its generated types, e.g. {@code graphqlRequest<JourneysQuery, JourneysQueryVariables>}:
 * the variables are not inferred from the call, so a request that passes them without its Variables type does not compile.
 */
export async function graphqlRequest<T, V extends object = Record<string, never>>(
  document: string,
  variables?: NoInfer<V>,
): Promise<T> {
  const { body, status, ok } = await send<T>(document, variables);
  if ((body.errors && body.errors.length > 0) || !ok || body.data == null) throw requestError(body, status);
  return body.data;
}

/** The first error of an answer as what the screens catch, or its HTTP status. */
export function requestError(body: GraphQLResponse<unknown>, status: number): Error {
  const first = body.errors?.[0];
  return first ? new GraphQLRequestError(first.message, first.extensions?.code ?? 'INTERNAL_ERROR', first.extensions?.fields ?? [],
    first.extensions ?? {}) : new HttpStatusError(status);
}

async function send<T>(document: string, variables: object | undefined): Promise<{ body: GraphQLResponse<T>; status: number; ok: boolean }> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: apiHeaders({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' }),
    body: JSON.stringify({ query: document, variables: variables ?? {} }),
  });
  if (response.status === 401) {
    clearSession();
    listeners.forEach((listener) => listener());
    throw new UnauthorizedError();
  }
  try {
    return { body: (await response.json()) as GraphQLResponse<T>, status: response.status, ok: response.ok };
  } catch {
    throw new HttpStatusError(response.status);
  }
}
