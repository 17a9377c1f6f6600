import type { LiveStatus } from '../graphql/live';

/** Subscriptions the page under test opened; a test delivers events through {@code onData}. */
export const subscriptions: {
  variables: Record<string, unknown>;
  onData: (data: unknown) => void;
  onStatus: (status: LiveStatus) => void;
}[] = [];

export function subscribe<T>(_document: string, variables: Record<string, unknown>, onData: (data: T) => void,
  onStatus: (status: LiveStatus) => void): () => void {
  const subscription = { variables, onData: onData as (data: unknown) => void, onStatus };
  subscriptions.push(subscription);
  onStatus('live');
  return () => { subscriptions.splice(subscriptions.indexOf(subscription), 1); };
}
