/**
 * Security headers
 * ================
 *
 * Sent with every response of `newsgraph serve`. The Content-Security-Policy
 * is the one the built app is tested under (vite.config.ts imports it from
 * here, so `vite preview` sends the same): no inline
 * script, no eval, nothing fetched from another origin. No CORS header is
 * ever sent, and `Cross-Origin-Resource-Policy` keeps other sites from even
 * embedding the API's answers.
 */

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

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
