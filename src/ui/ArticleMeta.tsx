/**
 * ArticleMeta — where an article is from: outlet · date · Open original
 * ====================================================================
 *
 * One line under an article's title (ArticlePane) and under each supporting
 * sentence (EvidenceQuote): the outlet (`source`), the publication date as
 * "21 Sep 2023" in a <time datetime> element ("undated" when there is none),
 * and "Open original" — a link only for an http(s) `url`, opening in a new
 * tab without handing the page a reference back (noopener noreferrer); any
 * other url is shown as plain text, never as a link. All of it is React text,
 * never HTML.
 */

import type { ReactElement } from 'react';
import type { NewsDocument } from '../model/index.ts';
import { httpLink, readableDate, timeDatetime } from './articleMeta.ts';
import './articleMeta.css';

interface ArticleMetaProps {
  document: NewsDocument;
  /** Under a sentence: smaller, the outlet cut short with an ellipsis (its full text in the tooltip). */
  compact?: boolean;
}

export function ArticleMeta({ document, compact = false }: ArticleMetaProps): ReactElement {
  const { source, url, published } = document;
  const link = httpLink(url);
  return (
    <span className={compact ? 'article-meta is-compact' : 'article-meta'} data-testid="article-meta">
      {source ? (
        <span className="article-meta-source" title={source} data-testid="article-meta-source">
          {source}
        </span>
      ) : null}
      {published !== undefined ? (
        <time className="article-meta-date" dateTime={timeDatetime(published)} title={`Published ${published}`} data-testid="article-meta-date">
          {readableDate(published)}
        </time>
      ) : (
        <span className="article-meta-date is-undated" data-testid="article-meta-date">
          undated
        </span>
      )}
      {link !== undefined ? (
        <a className="article-meta-link" href={link} target="_blank" rel="noopener noreferrer" title={link} data-testid="article-meta-link">
          Open original
          <span aria-hidden="true"> ↗</span>
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : url !== undefined ? (
        <span className="article-meta-url" title={url} data-testid="article-meta-url">
          {url}
        </span>
      ) : null}
    </span>
  );
}
