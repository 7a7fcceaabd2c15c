/**
 * Vite config for the explorer app.
 *
 * The production build must run under a strict Content-Security-Policy (no
 * inline script, no eval), so `vite preview` serves it with exactly that
 * policy: the browser tests then fail on anything that would break it.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // The one page loads the data it shows; a separate chunk would only add a round trip.
    chunkSizeWarningLimit: 1500,
  },
  preview: {
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
