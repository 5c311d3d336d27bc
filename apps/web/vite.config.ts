import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The web app (`/app`): built by `npm run build` into dist/web, served by the standalone server and, in distributed
 * mode, by the gateway. `npm run web:dev` serves it with hot reload and proxies /api to a running `npm start`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': process.env.MUTASI_URL ?? 'http://127.0.0.1:3000' } },
});
