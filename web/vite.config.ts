import { defineConfig } from 'vite';

// Preact through Vite's built-in JSX transform: no framework plugin (and no Babel) needed, so the build stays fast.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be one more script; every browser the UI supports has modulepreload.
    modulePreload: { polyfill: false },
  },
});
