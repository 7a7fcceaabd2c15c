/**
 * OpenArticleDialog — paste or drop an article, extract its graph
 * ===============================================================
 *
 * The text runs through the extractor in a Web Worker with a progress bar;
 * the result replaces the graph, or is merged into it ("Add to current
 * graph"), through the shell's validating loader.
 *
 * A modal <dialog> (useModalDialog, like Workspaces and Types): Tab stays
 * inside, Escape cancels (and stops a running extraction), and the focus goes
 * back to "Open article…" — also when the dialog opened by itself over a
 * dropped file, which has no opener to go back to.
 */

import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { Dataset } from '../../model/index.ts';
// Static: the review edits (model/review) put merge.ts in the first bundle already.
import { joinedNames, mergeDatasetsWithReport } from '../../model/merge.ts';
import type { DataOrigin } from '../../state/dataSource.ts';
import { problemsOf } from '../../state/dataSource.ts';
import { extractArticle } from './extractArticle.ts';
import { readFileText } from './readFileText.ts';
import { useModalDialog } from '../workspaces/useModalDialog.ts';
import './openArticleDialog.css';

/** The toolbar button's id: where the focus goes back when nothing opened the dialog (a dropped file) or the button was redrawn. */
export const OPEN_ARTICLE_BUTTON_ID = 'open-article-button';

export interface ArticleDraft {
  text: string;
  title: string;
  source: string;
}

interface OpenArticleDialogProps {
  initial: ArticleDraft;
  current: Dataset;
  onClose: () => void;
  onResult: (dataset: Dataset, origin: DataOrigin) => void;
}

type Phase = { kind: 'editing' } | { kind: 'running'; fraction: number } | { kind: 'failed'; message: string };

export function OpenArticleDialog({ initial, current, onClose, onResult }: OpenArticleDialogProps): ReactElement {
  const [text, setText] = useState(initial.text);
  const [title, setTitle] = useState(initial.title);
  const [source, setSource] = useState(initial.source);
  const [merge, setMerge] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const abortRef = useRef<AbortController | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // Closing by any way (Escape, Cancel, the backdrop) stops an extraction under way.
  const cancel = () => {
    abortRef.current?.abort();
    onClose();
  };
  const handlers = useModalDialog(dialogRef, cancel, {
    initialFocus: textRef,
    returnFocus: () => document.getElementById(OPEN_ARTICLE_BUTTON_ID),
  });
  useEffect(() => () => abortRef.current?.abort(), []);

  const running = phase.kind === 'running';
  const name = title.trim() || source || 'the pasted article';

  const run = async () => {
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ kind: 'running', fraction: 0 });
    try {
      const extracted = await extractArticle(
        { text, title: title.trim() || 'Pasted article', ...(source ? { source } : {}) },
        (fraction) => setPhase({ kind: 'running', fraction }),
        controller.signal,
      );
      if (controller.signal.aborted) return;
      if (merge) {
        const { dataset, report } = mergeDatasetsWithReport(current, extracted);
        const joined = joinedNames(report);
        onResult(dataset, { kind: 'merged', name, ...(joined.length ? { joined } : {}) });
      } else {
        onResult(extracted, { kind: 'article', name });
      }
      setPhase({ kind: 'editing' });
    } catch (error) {
      if (controller.signal.aborted) return;
      const problems = problemsOf(error);
      setPhase({ kind: 'failed', message: problems.map((p) => `${p.message}${p.fix ? `. Fix: ${p.fix}` : ''}`).join('\n') });
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText((await readFileText(file)).text);
    setSource(file.name);
    if (!title.trim()) setTitle(file.name.replace(/\.[^.]+$/, ''));
  };

  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
  return (
    <dialog
      ref={dialogRef}
      className="modal-card open-article-dialog"
      aria-labelledby="open-article-title"
      aria-describedby="open-article-sub"
      data-testid="open-article-dialog"
      {...handlers}
      // A stray click beside the card must not throw away a running extraction.
      onClick={(event) => {
        if (!running) handlers.onClick(event);
      }}
    >
      {/* Plain <div>s, not <header>/<footer>: those would add banner / contentinfo landmarks to the page's own. */}
      <div className="dialog open-article">
        <div className="dialog-head">
          <h2 id="open-article-title">Open an article</h2>
          <p id="open-article-sub" className="dialog-sub">Paste a news article or drop a .txt / .md file. newsgraph finds the people, countries and organisations it names and what the sentences say about them — on this computer, nothing is sent anywhere.</p>
        </div>
        <label className="field">
          <span className="field-label">Title</span>
          <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. EU agrees new sanctions on Iran" data-testid="article-title-input" disabled={running} />
        </label>
        <label className="field field-grow">
          <span className="field-label">
            Article text <span className="muted">{words > 0 ? `· ${words.toLocaleString('en-US')} words` : ''}</span>
          </span>
          <textarea
            ref={textRef}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onDrop={(event) => {
              const file = event.dataTransfer.files[0];
              if (file) {
                event.preventDefault();
                event.stopPropagation();
                void readFile(file);
              }
            }}
            placeholder="Paste the article here, or drop a text file on this box."
            spellCheck={false}
            data-testid="article-text"
            disabled={running}
          />
        </label>
        <div className="dialog-row">
          {/* A real button (a <label> over a hidden input is no Tab stop). */}
          <button type="button" className="tool-button file-pick" onClick={() => fileRef.current?.click()} disabled={running} data-testid="article-file-button">
            Choose a file…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".txt,.md,.markdown,.text"
            hidden
            onChange={(event) => void readFile(event.currentTarget.files?.[0])}
            data-testid="article-file"
          />
          <fieldset className="merge-choice" disabled={running}>
            <label>
              <input type="radio" name="article-mode" checked={!merge} onChange={() => setMerge(false)} /> Replace the graph
            </label>
            <label>
              <input type="radio" name="article-mode" checked={merge} onChange={() => setMerge(true)} data-testid="article-merge" /> Add to current graph
            </label>
          </fieldset>
        </div>
        {phase.kind === 'running' ? (
          <div className="extract-progress" data-testid="extract-progress">
            <progress max={1} value={phase.fraction} aria-label="Extraction progress" />
            <span>Finding entities and relations… {Math.round(phase.fraction * 100)}%</span>
          </div>
        ) : null}
        {phase.kind === 'failed' ? (
          <pre className="extract-error" role="alert" data-testid="extract-error">
            {phase.message}
          </pre>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="tool-button" onClick={cancel} data-testid="article-cancel">
            Cancel
          </button>
          <button type="button" className="tool-button tool-primary" disabled={running || text.trim() === ''} onClick={() => void run()} data-testid="article-extract">
            {merge ? 'Extract and add' : 'Extract graph'}
          </button>
        </div>
      </div>
    </dialog>
  );
}
