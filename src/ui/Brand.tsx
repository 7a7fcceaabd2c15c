/**
 * Brand — the newsgraph mark and name at the start of every header. The name
 * is its text (an aria-label on a plain div is not allowed); on a phone it is
 * only hidden from sight (phone.css), so it is still read.
 */

import type { ReactElement } from 'react';

export function Brand(): ReactElement {
  return (
    <div className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
        <path d="M9 22 L16 9 L23 20 Z" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="9" cy="22" r="4" fill="#D55E00" />
        <circle cx="16" cy="9" r="4" fill="#0072B2" />
        <circle cx="23" cy="20" r="4" fill="#009E73" />
      </svg>
      <span className="brand-name">newsgraph</span>
    </div>
  );
}
