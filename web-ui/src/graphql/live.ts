import { createClient, type Client } from 'graphql-ws';
import { getSession } from '../auth/session';

export type LiveStatus = 'connecting' | 'live' | 'offline';

let client: Client | null = null;
let clientToken: string | null = null;
let status: LiveStatus = 'connecting';
const statusListeners = new Set<(status: LiveStatus) => void>();

function setStatus(next: LiveStatus) {
  status = next;
  statusListeners.forEach((listener) => listener(next));
}

/** One graphql-ws connection per session at /subscriptions; the token goes in connection_init. */
function liveClient(): Client {
  const token = getSession()?.token ?? null;
  if (!client || clientToken !== token) {
    void client?.dispose();
    clientToken = token;
    status = 'connecting';
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    client = createClient({
      url: `${scheme}://${window.location.host}/subscriptions`,
      connectionParams: () => ({ Authorization: `Bearer ${getSession()?.token ?? ''}` }),
      // a dropped connection (gateway restart, network) comes back by itself
      retryAttempts: 1000,
      shouldRetry: () => true,
      on: {
        connected: () => setStatus('live'),
        closed: () => setStatus('offline'),
        connecting: () => setStatus('connecting'),
      },
    });
  }
  return client;
}

/**
 * Subscribes; {@code onData} gets each event's data, {@code onStatus} whether events can arrive.
 * Answers the function that ends the subscription.
 */
export function subscribe<T>(document: string, variables: Record<string, unknown>, onData: (data: T) => void,
  onStatus: (status: LiveStatus) => void): () => void {
  const live = liveClient();
  statusListeners.add(onStatus);
  onStatus(status);
  const end = live.subscribe<T>({ query: document, variables }, {
    next: (result) => { if (result.data) onData(result.data as T); },
    error: () => onStatus('offline'),
    complete: () => undefined,
  });
  return () => { statusListeners.delete(onStatus); end(); };
}
