/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build goes into the Maven module's classes: the jar's static/ is what the gateway serves at /.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:8080',
      '/auth': 'http://localhost:8080',
      '/api': 'http://localhost:8080',
      '/subscriptions': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // a busy 2-core build machine: long user flows need more than the default 5 s
    testTimeout: 20000,
  },
});
