/**
 * ShareLinkNotice — when Copy link cannot simply copy a link that carries the data
 * ================================================================================
 *
 * Two cases, each said plainly beside the Copy link button:
 *  - too large: a link carries at most 32 KB, so whoever opens one would not
 *    have this graph; the way to share it is a file, exported from here;
 *  - the clipboard refused: the link (with its data) is shown selected, to
 *    copy by hand — the address bar would not do, it holds only the view.
 * A small non-modal dialog: its first button takes the focus, Escape closes
 * it and the focus returns to Copy link.
 */

import { useEffect, useRef, type ReactElement } from 'react';
import { DATA_LINK_MAX_CHARS } from '../../state/workspacesLink.ts';
import './workspaces.css';

export type ShareNotice = { kind: 'too-large' } | { kind: 'copy-by-hand'; link: string };

interface ShareLinkNoticeProps {
  notice: ShareNotice;
  onExport: () => void;
  onClose: () => void;
}

export const LINK_LIMIT_WORDS = `${Math.round(DATA_LINK_MAX_CHARS / 1024)} KB`;

export function ShareLinkNotice({ notice, onExport, onClose }: ShareLinkNoticeProps): ReactElement {
  const firstRef = useRef<HTMLButtonElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (linkRef.current) {
      linkRef.current.focus();
      linkRef.current.select();
    } else firstRef.current?.focus();
  }, [notice]);

  return (
    <section
      className="share-notice"
      role="dialog"
      aria-labelledby="share-notice-title"
      data-testid="share-notice"
      data-kind={notice.kind}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      {notice.kind === 'too-large' ? (
        <>
          <h2 id="share-notice-title">Too big to send as a link</h2>
          <p>
            A link carries at most {LINK_LIMIT_WORDS} of data, and this graph needs more. <strong>Whoever opens a link to it will not have this data</strong> — they
            would see the built-in seed article, or their own saved graph, instead.
          </p>
          <p>To share it, export it as a file and send the file: they open it with Import.</p>
          <div className="share-notice-actions">
            <button ref={firstRef} type="button" className="tool-button tool-primary" onClick={onExport} data-testid="share-notice-export">
              Export dataset file
            </button>
            <button type="button" className="tool-button" onClick={onClose} data-testid="share-notice-close">
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="share-notice-title">Copy this link by hand</h2>
          <p>The browser would not copy it. The link below carries this graph’s data; the address bar does not.</p>
          <input ref={linkRef} className="share-notice-link" type="text" readOnly value={notice.link} aria-label="Link with the graph’s data" data-testid="share-notice-link" />
          <div className="share-notice-actions">
            <button ref={firstRef} type="button" className="tool-button" onClick={onClose} data-testid="share-notice-close">
              Close
            </button>
          </div>
        </>
      )}
    </section>
  );
}
