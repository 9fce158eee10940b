// Build of the tablet PWA: React app plus a Workbox service worker (sw/sw.ts) that precaches
// the whole app shell, so after one online visit the app starts with no network at all.
// The worker is registered by src/app/pwa/register-service-worker.ts, never by an injected script.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const themeColor = '#0b3d91';

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
  },
  server: {
    port: 5173,
    strictPort: true,
  },
});
