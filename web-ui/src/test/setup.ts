import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import i18n from '../i18n';

// no WebSocket server in component tests: pages get subscriptions the test drives
vi.mock('../graphql/live', () => import('./liveMock'));

// a busy 2-core build machine renders slower than a laptop: wait longer before calling an element missing
configure({ asyncUtilTimeout: 10000 });

// jsdom has no layout: charts measure their container through ResizeObserver
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
  localStorage.clear();
  await i18n.changeLanguage('en');
});
