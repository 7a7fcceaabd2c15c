/**
 * DataShell — which dataset the explorer shows, and how it changes
 * ================================================================
 *
 * Owns the current explorer model and where it came from. Every way of
 * changing it — the seed button, the file picker, a file dropped on the
 * window, an extracted article, a merge — ends in `offer`, which validates
 * the candidate (`checkCandidate`) and either swaps in a freshly built and
 * laid-out graph or keeps the current one and lists the problems. A corpus
 * is laid out once, whole: its article filter is explorer state, a
 * visibility rule like the other filters (state/scene.ts). Files are
 * parsed and run through that same gate in the import worker
 * (`importInWorker.ts`), so a 30 MB file never freezes the page; the main
 * thread gets the verdict and only builds the graph (`accept`).
 */

import { useCallback, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { DEFAULT_LIMITS, fileTooLarge, type Dataset, type Problem } from '../../model/index.ts';
import { checkCandidate, isArticleFileName, problemsOf, type CandidateCheck, type DataOrigin } from '../../state/dataSource.ts';
import { createExplorerModel, type ExplorerModel } from '../../state/explorerModel.ts';
import type { Scene } from '../../state/scene.ts';
import { App } from '../App.tsx';
import { AppErrorBoundary } from './AppErrorBoundary.tsx';
import { DataOriginContext } from './dataOrigin.ts';
import { DataToolbar } from './DataToolbar.tsx';
import { OpenArticleDialog, type ArticleDraft } from './OpenArticleDialog.tsx';
import { ProblemsPanel, type ProblemReport } from './ProblemsPanel.tsx';
import { readFileText } from './readFileText.ts';
import { IMPORT_STAGE_LABELS, type ImportStage } from './importProtocol.ts';
import './dataSource.css';

interface Current {
  model: ExplorerModel;
  origin: DataOrigin;
  /** Bumped on every swap so the explorer starts afresh (selection, filters, sigma). */
  version: number;
}

const SEED_ORIGIN: DataOrigin = { kind: 'seed', name: 'seed article' };

export function DataShell({ seed }: { seed: Dataset }): ReactElement {
  const [current, setCurrent] = useState<Current>(() => ({ model: createExplorerModel(seed), origin: SEED_ORIGIN, version: 0 }));
  const [report, setReport] = useState<ProblemReport | null>(null);
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const [dragging, setDragging] = useState(false);
  const [importing, setImporting] = useState<{ file: string; stage: ImportStage } | null>(null);
  const currentRef = useRef(current);
  currentRef.current = current;
  /** Bumped by every new choice of data: a file still importing when the reader picks something else is dropped when it answers. */
  const importTicket = useRef(0);
  const supersedeImports = useCallback((): number => {
    importTicket.current += 1;
    setImporting(null);
    return importTicket.current;
  }, []);

  /** After the gate: swap in a new laid-out graph (listing its warnings, if any), or keep the old one and show why. */
  const accept = useCallback((checked: CandidateCheck, warnings: readonly Problem[] = []): boolean => {
    const { origin } = checked;
    if (!checked.ok) {
      setReport({ source: origin.name, problems: checked.problems });
      return false;
    }
    let model: ExplorerModel;
    try {
      model = createExplorerModel(checked.dataset);
    } catch (error) {
      setReport({ source: origin.name, problems: problemsOf(error) });
      return false;
    }
    setReport(warnings.length > 0 ? { source: origin.name, problems: [...warnings], kind: 'warnings' } : null);
    setCurrent((previous) => ({ model, origin, version: previous.version + 1 }));
    return true;
  }, []);

  /** The one way in: validate, then accept or refuse. */
  const offer = useCallback(
    (candidate: unknown, origin: DataOrigin): boolean => {
      supersedeImports();
      return accept(checkCandidate(candidate, origin));
    },
    [accept, supersedeImports],
  );

  const showSeed = useCallback(() => offer(seed, SEED_ORIGIN), [offer, seed]);

  const openFile = useCallback(
    async (file: File) => {
      const ticket = supersedeImports();
      const superseded = () => ticket !== importTicket.current;
      // Refuse before reading: a multi-gigabyte drop would otherwise freeze the tab while it becomes a string.
      if (file.size > DEFAULT_LIMITS.maxFileBytes) {
        setReport({ source: file.name, problems: [fileTooLarge(file.size, DEFAULT_LIMITS.maxFileBytes)] });
        return;
      }
      const article = isArticleFileName(file.name);
      if (!article) setImporting({ file: file.name, stage: 'reading' });
      let text: string;
      let decodeWarnings: readonly Problem[];
      try {
        // Bytes decoded by the formats' one decoder: UTF-8, or Windows-1252 (with a warning) for a Latin-1 file.
        ({ text, warnings: decodeWarnings } = await readFileText(file));
      } catch (error) {
        if (superseded()) return;
        setImporting(null);
        setReport({ source: file.name, problems: problemsOf(error) });
        return;
      }
      if (superseded()) return;
      if (article) {
        setReport(decodeWarnings.length > 0 ? { source: file.name, problems: [...decodeWarnings], kind: 'warnings' } : null);
        setDraft({ text, title: file.name.replace(/\.[^.]+$/, ''), source: file.name });
        return;
      }
      const origin: DataOrigin = { kind: 'file', name: file.name };
      // The worker has already passed the dataset through `checkCandidate`; validating 30 MB twice would undo the point.
      const { importInWorker } = await import('./importInWorker.ts');
      const outcome = await importInWorker(file.name, text, {
        onProgress: (stage) => {
          if (!superseded()) setImporting({ file: file.name, stage });
        },
      });
      if (superseded()) return;
      setImporting(null);
      if (outcome.type === 'result') accept({ ok: true, dataset: outcome.dataset, origin }, [...decodeWarnings, ...outcome.warnings]);
      else accept({ ok: false, problems: outcome.problems, origin });
    },
    [accept, supersedeImports],
  );

  useEffect(() => {
    // Files dropped anywhere on the window open; without preventDefault the browser would navigate to the file.
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  const toolbar = (scene: Scene): ReactNode => (
    <DataToolbar
      model={current.model}
      origin={current.origin}
      scene={scene}
      onSeed={showSeed}
      onFile={(file) => void openFile(file)}
      onOpenArticle={() => setDraft({ text: '', title: '', source: '' })}
      onError={(error) => setReport({ source: 'the export', problems: problemsOf(error) })}
    />
  );

  return (
    <DataOriginContext.Provider value={current.origin}>
      <AppErrorBoundary key={current.version} onReset={showSeed}>
        <App key={current.version} model={current.model} headerTools={toolbar} />
      </AppErrorBoundary>
      {importing ? (
        <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress" data-stage={importing.stage}>
          <progress aria-label="Import progress" />
          <span>
            {IMPORT_STAGE_LABELS[importing.stage]} {importing.file}…
          </span>
        </div>
      ) : null}
      {report ? <ProblemsPanel report={report} onDismiss={() => setReport(null)} /> : null}
      {draft ? (
        <OpenArticleDialog
          initial={draft}
          current={current.model.dataset}
          onClose={() => setDraft(null)}
          onResult={(dataset, origin) => {
            if (offer(dataset, origin)) setDraft(null);
          }}
        />
      ) : null}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a graph file (JSON, GEXF, GraphML, CSV) or an article (.txt, .md)</p>
        </div>
      ) : null}
    </DataOriginContext.Provider>
  );
}
