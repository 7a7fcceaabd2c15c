/**
 * CorpusArticles — the corpus's articles, in the left column
 * ==========================================================
 *
 * Paged from `/api/documents` (the server lists them newest first when they
 * are dated), each with its outlet, date and how many relations it supports;
 * the ones whose text is loaded are marked. Opening one loads the article
 * and its relations into the graph and shows it alone (a chip over the
 * graph brings the rest back) with its text in the Article tab. Under a
 * timeline window the list is the articles published inside it (asked of
 * the server afresh whenever the window changes).
 */

import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { DocumentSummary } from '../../model/corpusApi.ts';
import { counted } from '../../state/corpusTotals.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { ExplorerState } from '../../state/explorerState.ts';
import { failureMessage } from './corpusClient.ts';
import { pendingKey, useCorpus } from './corpusContext.ts';
import { provenance } from './corpusFormat.ts';

const PAGE = 30;

type Listing = { status: 'loading' | 'ready'; documents: DocumentSummary[]; total: number } | { status: 'failed'; message: string; documents: DocumentSummary[]; total: number };

export function CorpusArticles({ model, within }: { model: ExplorerModel; within: ExplorerState['window'] }): ReactElement | null {
  const corpus = useCorpus();
  const [listing, setListing] = useState<Listing>({ status: 'loading', documents: [], total: 0 });
  const abort = useRef<AbortController | null>(null);
  const client = corpus?.client;

  const load = useCallback(
    (offset: number) => {
      if (!client) return;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setListing((current) => ({ status: 'loading', documents: current.documents, total: current.total }));
      client.documents(offset, PAGE, controller.signal, within).then(
        (page) => {
          if (controller.signal.aborted) return;
          setListing((current) => ({
            status: 'ready',
            documents: offset === 0 ? page.documents : [...current.documents.slice(0, offset), ...page.documents],
            total: page.total,
          }));
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setListing((current) => ({ status: 'failed', message: failureMessage(error), documents: current.documents, total: current.total }));
        },
      );
    },
    [client, within],
  );

  useEffect(() => {
    load(0);
    return () => abort.current?.abort();
  }, [load]);

  if (!corpus) return null;
  const loaded = new Set(model.dataset.documents.map((document) => document.id));
  const { documents, total } = listing;
  return (
    <section className="legend-section corpus-articles" aria-labelledby="corpus-articles-title" data-testid="corpus-articles">
      <div className="legend-heading">
        <h2 id="corpus-articles-title">Articles</h2>
        <span className="corpus-count">{total > 0 ? total.toLocaleString('en-US') : null}</span>
      </div>
      {within !== null ? (
        <p className="corpus-list-status" data-testid="corpus-articles-window">
          Published inside the timeline’s window
        </p>
      ) : null}
      <ul className="corpus-article-list">
        {documents.map((document) => {
          const busy = corpus.pending.has(pendingKey('document', document.id));
          const meta = provenance(document);
          return (
            <li key={document.id}>
              <button
                type="button"
                className={loaded.has(document.id) ? 'corpus-article is-loaded' : 'corpus-article'}
                onClick={() => corpus.openDocument(document.id)}
                disabled={busy}
                aria-busy={busy}
                title={`Open “${document.title}” in the graph`}
                data-testid={`corpus-article-${document.id}`}
              >
                <span className="corpus-article-title">{document.title || 'Untitled article'}</span>
                <span className="corpus-article-meta">
                  {meta === '' ? '' : `${meta} · `}
                  {counted(document.relations, 'relation')}
                  {loaded.has(document.id) ? <span className="corpus-loaded"> · loaded</span> : null}
                  {busy ? <span className="corpus-loaded"> · opening…</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {listing.status === 'loading' ? (
        <p className="corpus-list-status" role="status">
          Loading articles…
        </p>
      ) : null}
      {listing.status === 'failed' ? (
        <p className="corpus-list-status is-error" role="alert">
          {listing.message}{' '}
          <button type="button" className="link-button" onClick={() => load(documents.length)}>
            Try again
          </button>
        </p>
      ) : null}
      {listing.status === 'ready' && documents.length < total ? (
        <button type="button" className="tool-button corpus-more" onClick={() => load(documents.length)} data-testid="corpus-articles-more">
          Show {Math.min(PAGE, total - documents.length)} more of {total.toLocaleString('en-US')}
        </button>
      ) : null}
      {listing.status === 'ready' && total === 0 ? (
        <p className="muted corpus-list-status">{within === null ? 'The corpus holds no articles yet.' : 'No article was published inside the window.'}</p>
      ) : null}
    </section>
  );
}
