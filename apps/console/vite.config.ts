// The staff console's build: served by the gateway at /console/, the API on the same origin.
// `MINHU_CONSOLE_API` (dev server only) proxies /api to a running gateway.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Lets the bench add up what each screen loads (dist/.vite/manifest.json; never served: a hidden path).
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.MINHU_CONSOLE_API ?? 'http://127.0.0.1:3000' },
  },
});
