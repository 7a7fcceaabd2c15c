/**
 * ProblemsPanel — why a file was not opened, or what to know about one that was
 * ==============================================================================
 *
 * Lists every problem the loader found (where, what, how to fix) as plain
 * text over the graph, which stays as it was underneath. The same list, as a
 * non-blocking status, carries the warnings of a file that did open (a
 * Latin-1 file read as Windows-1252, guessed entity types, padded CSV names):
 * a reader should know what was guessed. Values come from
 * untrusted files, so they go through `quoteValue` (control and bidi
 * characters made visible) and React text nodes, never HTML.
 */

import { useEffect, useRef, type ReactElement } from 'react';
import { quoteValue, type Problem } from '../../model/index.ts';

export interface ProblemReport {
  /** What was being opened: a file name or "the pasted article". */
  source: string;
  problems: Problem[];
  /** 'refused': the file was not opened (the default); 'warnings': it opened, and these are worth knowing. */
  kind?: 'refused' | 'warnings';
}

const SHOWN = 50;

function where(problem: Problem): string {
  if (problem.line !== undefined) return `line ${problem.line}, column ${problem.column ?? 1}`;
  return problem.path === '' ? 'whole file' : problem.path;
}

export function ProblemsPanel({ report, onDismiss }: { report: ProblemReport; onDismiss: () => void }): ReactElement {
  const closeRef = useRef<HTMLButtonElement>(null);
  // A refused file is an alert to deal with: its Dismiss takes the focus. Warnings are a status over a graph that did
  // open: they must not pull the focus away (a Types dialog opening over the same file, for one, wants it).
  const refused = report.kind !== 'warnings';
  useEffect(() => {
    if (refused) closeRef.current?.focus();
  }, [report, refused]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  const count = report.problems.length;
  const warnings = report.kind === 'warnings';
  return (
    <section
      className={warnings ? 'problems-panel problems-panel-warnings' : 'problems-panel'}
      role={warnings ? 'status' : 'alertdialog'}
      aria-labelledby="problems-title"
      data-testid="problems-panel"
      data-kind={warnings ? 'warnings' : 'refused'}
    >
      <div className="problems-head">
        <div>
          <h2 id="problems-title">
            {warnings ? 'Opened ' : 'Could not open '}
            <span className="problems-file">{report.source}</span>
          </h2>
          <p className="problems-sub">
            {warnings
              ? `${count === 1 ? '1 warning' : `${count} warnings`}: what was guessed or kept as written.`
              : `${count === 1 ? '1 problem' : `${count} problems`} found. The graph you had is still open.`}
          </p>
        </div>
        <button ref={closeRef} type="button" className="tool-button" onClick={onDismiss} data-testid="problems-dismiss">
          Dismiss
        </button>
      </div>
      <ol className="problems-list">
        {report.problems.slice(0, SHOWN).map((problem, i) => (
          <li key={i} className="problem" data-testid="problem">
            <div className="problem-where">
              <code className="problem-path" data-testid="problem-path">
                {where(problem)}
              </code>
              <span className="problem-code">{problem.code}</span>
            </div>
            <p className="problem-message">
              {problem.message}
              {problem.value === undefined ? null : <span className="problem-value"> (got {quoteValue(problem.value)})</span>}
            </p>
            <p className="problem-fix">
              <strong>Fix:</strong> {problem.fix}
            </p>
          </li>
        ))}
      </ol>
      {count > SHOWN ? <p className="problems-more">… and {count - SHOWN} more (the CLI's `newsgraph validate FILE` lists them all).</p> : null}
    </section>
  );
}
