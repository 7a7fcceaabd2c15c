/**
 * ProblemsPanel — why a file was not opened
 * =========================================
 *
 * Lists every problem the loader found (where, what, how to fix) as plain
 * text over the graph, which stays as it was underneath. Values come from
 * untrusted files, so they go through `quoteValue` (control and bidi
 * characters made visible) and React text nodes, never HTML.
 */

import { useEffect, useRef, type ReactElement } from 'react';
import { quoteValue, type Problem } from '../../model/index.ts';

export interface ProblemReport {
  /** What was being opened: a file name or "the pasted article". */
  source: string;
  problems: Problem[];
}

const SHOWN = 50;

function where(problem: Problem): string {
  if (problem.line !== undefined) return `line ${problem.line}, column ${problem.column ?? 1}`;
  return problem.path === '' ? 'whole file' : problem.path;
}

export function ProblemsPanel({ report, onDismiss }: { report: ProblemReport; onDismiss: () => void }): ReactElement {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [report]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  const count = report.problems.length;
  return (
    <section className="problems-panel" role="alertdialog" aria-labelledby="problems-title" data-testid="problems-panel">
      <header className="problems-head">
        <div>
          <h2 id="problems-title">
            Could not open <span className="problems-file">{report.source}</span>
          </h2>
          <p className="problems-sub">
            {count === 1 ? '1 problem' : `${count} problems`} found. The graph you had is still open.
          </p>
        </div>
        <button ref={closeRef} type="button" className="tool-button" onClick={onDismiss} data-testid="problems-dismiss">
          Dismiss
        </button>
      </header>
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
