// Build of the tablet PWA: React app plus a Workbox service worker (sw/sw.ts) that precaches
// the whole app shell, so after one online visit the app starts with no network at all.
// The worker is registered by src/app/pwa/register-service-worker.ts, never by an injected script.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const themeColor = '#0b3d91';

/** Modules only the store console loads: its pages, its API shapes and its heavy libraries. */
const CONSOLE_ONLY = /src\/console\/|src\/shared\/console\/|src\/shared\/spreadsheet-cell\.ts|node_modules\/(echarts|zrender|exceljs|uqr)\//;
function isConsoleOnly(moduleId: string): boolean {
  return CONSOLE_ONLY.test(moduleId);
}

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // We register with workbox-window ourselves, to ask before updating (never reload a
      // page that holds unsaved check-in data).
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Walkaround 电子接车单',
        short_name: '接车单',
        description: '离线可用的电子接车单：环车检查、拍照、估价与客户签字',
        lang: 'zh-CN',
        dir: 'ltr',
        display: 'standalone',
        // Tablets sit on a stand in landscape at the desk and get carried round the car in
        // portrait: both must work.
        orientation: 'any',
        theme_color: themeColor,
        background_color: '#ffffff',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      // The glob below already picks up the manifest icons; listing them twice would only
      // duplicate precache entries.
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The store console (console.html and what only it loads) is online only: a tablet
        // must not download it. Its chunks are named console-* (build.rolldownOptions below).
        globIgnores: ['console.html', 'assets/console-*'],
        // A classic-script worker: module service workers are not supported by every
        // tablet browser still in service (older Safari/Firefox).
        rollupFormat: 'iife',
      },
      devOptions: {
        // The dev server runs without a worker: stale precaches while editing cost more
        // than they teach. Test offline behaviour against `npm run build` + the server.
        enabled: false,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modules the first screen shares with later ones (strings, the language provider,
    // the meta and advisor rows, plates and local time, React) would each be a chunk of their
    // own, one more fetch through the service worker before the list: one 'start' chunk holds
    // them (offline start at 4x CPU: entry script run ~130 ms sooner, 2026-12-07). A module
    // added to the first screen and shared with a later one makes a new small chunk again:
    // the bundle bench counts the first route's files (target 3) and names them.
    rolldownOptions: {
      // Two pages: the tablet app (index.html) and the store console (console.html, served at
      // /console by the server; src/console).
      input: { index: 'index.html', console: 'console.html' },
      output: {
        // The console's own chunks are named console-*, which the service worker leaves out
        // of the tablet's precache (globIgnores above).
        entryFileNames: (chunk) => (chunk.name === 'console' ? 'assets/console-[hash].js' : 'assets/[name]-[hash].js'),
        // A stylesheet split off a console page is named after that page: named console-* by its sources.
        assetFileNames: (asset) => (asset.originalFileNames.length > 0 && asset.originalFileNames.every(isConsoleOnly) ? 'assets/console-[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
        chunkFileNames: (chunk) => (chunk.moduleIds.length > 0 && chunk.moduleIds.every(isConsoleOnly) ? 'assets/console-[name]-[hash].js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            {
              name: 'start',
              test: /src\/(shared\/(half-width|plate|local-time|error-text|status-moves|addition-rounds)|db\/(job-queries|meta-repo|advisor-repo|pin-repo)|ui\/(i18n|messages|online|messages\/(pin|session|sync|work-status)))\.tsx?$|node_modules\/(react|react-dom|scheduler)\/|modulepreload-polyfill/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
  },
});
