/**
 * Vite config for the explorer app.
 *
 * The production build must run under a strict Content-Security-Policy (no
 * inline script, no eval), so `vite preview` serves it with exactly that
 * policy: the browser tests then fail on anything that would break it.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/server/headers.ts';

// One policy for every server of the app: `vite preview` here and `newsgraph serve` (src/server/headers.ts).
export { CONTENT_SECURITY_POLICY };

/**
 * The same policy as a <meta> tag in the built index.html, so it holds on any
 * static host that sends no header. Browsers ignore frame-ancestors in a meta
 * policy (and log an error for it), so it is left to the header. Build only:
 * the dev server needs inline scripts for React Refresh.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'newsgraph-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMetaTag()],
  build: {
    target: 'es2022',
    // The one page loads the data it shows; a separate chunk would only add a round trip.
    chunkSizeWarningLimit: 1500,
  },
  preview: {
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
