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
 *
 * A foreign file opens drawn with the readers' defaults (relation names and
 * node type values newsgraph does not know kept as types of their own,
 * untyped nodes typed from the names it knows); when it has such names, the
 * Types dialog opens over it, and the toolbar's Types… reopens it. The
 * file's text stays with the graph it drew, so a choice there reads the same
 * file again with it (`remap`, the CLI's `--map-type`) and swaps in the
 * result through the same gate; a re-read that fails lists its problems and
 * leaves the graph as it was.
 *
 * The analyst's edits (model/review) change the dataset in place: the shell
 * provides them to every panel (review/editsContext.ts), applies each to the
 * kept dataset, changes the drawn graph in place (state/keptPlaces.ts: no
 * remount, the same sigma on the same camera; selection and filters stay) and saves the result — with its edit
 * history, so undo and redo outlive a reload. The seed is built in: its
 * first edit makes a workspace of its own. A file's Types… choice re-reads
 * the file, which would drop the edits, so it is no longer offered once
 * there are some.
 *
 * Nothing the user made is lost on a reload: every accepted dataset that is
 * not the seed is kept in this browser (ui/workspaces/: IndexedDB, saved off
 * the critical path), and the next visit reopens the workspace that was on
 * screen. A link whose fragment carries data (`#data=…`, Copy link on the
 * user's own graph) opens that data through the same worker and gate as a
 * file; bad data lists its problems and leaves the graph that would
 * otherwise have opened. Until one of these is read the shell shows a
 * one-line status instead of the explorer, so the link's view (selection,
 * filters) is restored on the right dataset.
 */

import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { TypeReading } from '../../graph/formats/types.ts';
import { DEFAULT_LIMITS, fileTooLarge, type Dataset, type Problem } from '../../model/index.ts';
import { checkCandidate, isArticleFileName, problemsOf, type CandidateCheck, type DataOrigin } from '../../state/dataSource.ts';
import { createExplorerModel, type ExplorerModel } from '../../state/explorerModel.ts';
import type { Scene } from '../../state/scene.ts';
import { needsMapping, NO_TYPE_CHOICES, readOptionsOf, type TypeChoices } from '../../state/typeChoices.ts';
import { countsOf, type WorkspaceMeta } from '../../state/workspaces.ts';
import { modelAfterEdit } from '../../state/keptPlaces.ts';
import { applyEdit, redoEdit, redoLabel, undoEdit, undoLabel, type EditOutcome } from '../../model/review/index.ts';
import { EditsContext, type Edits } from '../review/editsContext.ts';
import { hashWithoutData, linkPayload } from '../../state/workspacesLink.ts';
import { App } from '../App.tsx';
import { exportDatasetFile } from '../workspaces/exportDatasetFile.ts';
import { openLinkData, openWorkspace } from '../workspaces/openSaved.ts';
import { SaveFailureNotice } from '../workspaces/SaveFailureNotice.tsx';
import { useWorkspaces } from '../workspaces/useWorkspaces.ts';
import { readOpenHint } from '../workspaces/workspaceStore.ts';
import { WorkspacesDialog } from '../workspaces/WorkspacesDialog.tsx';
import { AppErrorBoundary } from './AppErrorBoundary.tsx';
import { DataOriginContext } from './dataOrigin.ts';
import { DataToolbar } from './DataToolbar.tsx';
import { MergeNotice } from './MergeNotice.tsx';
import { OpenArticleDialog, type ArticleDraft } from './OpenArticleDialog.tsx';
import { ProblemsPanel, type ProblemReport } from './ProblemsPanel.tsx';
import { readFileText } from './readFileText.ts';
import { IMPORT_STAGE_LABELS, type ImportStage } from './importProtocol.ts';
import { TypeMappingDialog } from './TypeMappingDialog.tsx';
import './dataSource.css';

/** A foreign file as opened, kept with the graph it drew so its types can be mapped again. */
interface OpenedFile {
  name: string;
  text: string;
  /** What decoding its bytes warned about, said again with every re-read's warnings. */
  decodeWarnings: readonly Problem[];
  /** The choices the graph on screen was read with. */
  choices: TypeChoices;
  /** How the file's types were read with them. */
  reading: TypeReading;
}

interface Current {
  model: ExplorerModel;
  origin: DataOrigin;
  /** Bumped on every swap so the explorer starts afresh (selection, filters, sigma). */
  version: number;
  /** The file it was read from, when it brought types of its own. */
  file?: OpenedFile;
}

/** How an accepted dataset came. */
interface Arrival {
  warnings?: readonly Problem[];
  /** The saved workspace it was read from. */
  stored?: WorkspaceMeta;
  file?: OpenedFile;
  /** The file on screen read again with other type choices: the same workspace, and the Types dialog stays as it is. */
  remapped?: boolean;
}

/** The Types dialog while open: the choices being applied (null when none is), and why the last one could not be. */
interface Mapping {
  applying: TypeChoices | null;
  failure: string | null;
}

const MAPPING_OPENED: Mapping = { applying: null, failure: null };

/** One sentence for the dialog when a re-read fails; the problems panel behind it lists them all. */
function remapFailure(problems: readonly Problem[]): string {
  const first = problems[0];
  const what = first
    ? `${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems, listed behind this dialog)` : ''}. Fix: ${first.fix}`
    : 'the graph could not be drawn (the problems are listed behind this dialog)';
  return `That choice could not be applied: ${what}. The graph drawn before it is still open.`;
}

const SEED_ORIGIN: DataOrigin = { kind: 'seed', name: 'seed article' };
const EDITED_SEED_ORIGIN: DataOrigin = { kind: 'edited', name: 'seed article' };
/** Up to this many relations an edit is saved at once; a bigger dataset waits for an idle moment (the save copies it all). */
const URGENT_SAVE_RELATIONS = 5000;
/** Data opened from a link reads as "Imported from a shared link". */
const LINK_ORIGIN: DataOrigin = { kind: 'file', name: 'a shared link' };
const LINK_SOURCE = 'the shared link';

/** What to open first: a link's data, else the workspace open last time, else (at once, with no wait) the seed. */
interface Startup {
  payload: string | null;
  hash: string;
  workspace: string | null;
}

function readStartup(): Startup {
  const { hash } = window.location;
  return { payload: linkPayload(hash), hash, workspace: readOpenHint() };
}

const startsOnSeed = (startup: Startup) => startup.payload === null && startup.workspace === null;

/** A link opened: 'opened', or 'superseded' (the reader chose something else meanwhile), or why it was refused. */
type LinkOutcome = 'opened' | 'superseded' | Problem[];
/** A saved workspace reopened, superseded, or not (gone, or refused by the gate: the problems are shown). */
type ReopenOutcome = 'opened' | 'superseded' | 'failed';

export function DataShell({ seed }: { seed: Dataset }): ReactElement {
  const [startup] = useState(readStartup);
  const [current, setCurrent] = useState<Current | null>(() =>
    startsOnSeed(startup) ? { model: createExplorerModel(seed), origin: SEED_ORIGIN, version: 0 } : null,
  );
  const { accepted, reopened, ...workspaces } = useWorkspaces();
  const [showWorkspaces, setShowWorkspaces] = useState(false);
  const workspacesButtonRef = useRef<HTMLButtonElement>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const typesButtonRef = useRef<HTMLButtonElement>(null);
  const [report, setReport] = useState<ProblemReport | null>(null);
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  /** The spellings the last merge joined, shown until dismissed or the data changes. */
  const [merged, setMerged] = useState<{ name: string; joined: readonly string[] } | null>(null);
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

  /**
   * After the gate: swap in a new laid-out graph (listing its warnings, if
   * any) and keep it in this browser, or keep the old one and show why. The
   * Types dialog opens over a file whose types were not all newsgraph's.
   */
  const accept = useCallback(
    (checked: CandidateCheck, arrival: Arrival = {}): boolean => {
    const { origin } = checked;
    const { warnings = [], stored, file, remapped = false } = arrival;
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
    setCurrent((previous) => ({ model, origin, version: (previous?.version ?? 0) + 1, ...(file ? { file } : {}) }));
    if (!remapped) setMapping(file && needsMapping(file.reading) ? MAPPING_OPENED : null);
    if (stored) reopened(stored);
    // A link's data is saved at once: the address no longer carries it, so a quick reload must find it stored.
    else accepted(checked.dataset, origin, origin === LINK_ORIGIN, remapped);
    return true;
    },
    [accepted, reopened],
  );

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
      if (outcome.type === 'result') {
        const { dataset, warnings, types } = outcome;
        // Kept only when the file brought types of its own: there is nothing to map in newsgraph's own files.
        const opened: OpenedFile | undefined = types ? { name: file.name, text, decodeWarnings, choices: NO_TYPE_CHOICES, reading: types } : undefined;
        accept({ ok: true, dataset, origin }, { warnings: [...decodeWarnings, ...warnings], ...(opened ? { file: opened } : {}) });
      } else accept({ ok: false, problems: outcome.problems, origin });
    },
    [accept, supersedeImports],
  );

  /**
   * Reads the file on screen again with other type choices and swaps in the
   * result; a failure keeps the graph and says why, in the dialog and in the
   * problems panel. The newest choice wins over one still being read.
   */
  const remap = useCallback(
    async (choices: TypeChoices) => {
      const shown = currentRef.current;
      const file = shown?.file;
      if (!shown || !file) return;
      const ticket = supersedeImports();
      const superseded = () => ticket !== importTicket.current;
      setMapping((open) => open && { applying: choices, failure: null });
      const { importInWorker } = await import('./importInWorker.ts');
      const outcome = await importInWorker(file.name, file.text, { readOptions: readOptionsOf(choices) });
      if (superseded()) return;
      const { origin } = shown;
      if (outcome.type === 'result') {
        const warnings = [...file.decodeWarnings, ...outcome.warnings];
        const drawn = accept({ ok: true, dataset: outcome.dataset, origin }, { warnings, file: { ...file, choices, reading: outcome.types ?? file.reading }, remapped: true });
        setMapping((open) => open && { applying: null, failure: drawn ? null : remapFailure([]) });
      } else {
        accept({ ok: false, problems: outcome.problems, origin });
        setMapping((open) => open && { applying: null, failure: remapFailure(outcome.problems) });
      }
    },
    [accept, supersedeImports],
  );

  /** Reads a saved workspace through the import gate and shows it. */
  const reopen = useCallback(
    async (id: string, label: string, quietIfMissing = false): Promise<ReopenOutcome> => {
      const ticket = supersedeImports();
      const superseded = () => ticket !== importTicket.current;
      setImporting({ file: label, stage: 'reading' });
      const found = await openWorkspace(id, (stage) => {
        if (!superseded()) setImporting({ file: label, stage });
      });
      if (superseded()) return 'superseded';
      setImporting(null);
      if (found === null) {
        if (!quietIfMissing) {
          setReport({
            source: `the workspace “${label}”`,
            problems: [{ code: 'invalid-value', path: '', message: 'it is no longer in this browser (deleted in another tab, or the site data was cleared)', fix: 'open another workspace, or import the file again' }],
          });
        }
        return 'failed';
      }
      const { meta, opened } = found;
      if (!opened.ok) {
        setReport({ source: `the saved workspace “${meta.name}”`, problems: opened.problems });
        return 'failed';
      }
      return accept({ ok: true, dataset: opened.dataset, origin: meta.origin }, { warnings: opened.warnings, stored: meta }) ? 'opened' : 'failed';
    },
    [accept, supersedeImports],
  );

  /** Opens the data a link's fragment carries (`hash`, as it was when the link was opened). */
  const openLink = useCallback(
    async (payload: string, hash: string): Promise<LinkOutcome> => {
      const ticket = supersedeImports();
      const superseded = () => ticket !== importTicket.current;
      setImporting({ file: LINK_SOURCE, stage: 'reading' });
      const opened = await openLinkData(payload, (stage) => {
        if (!superseded()) setImporting({ file: LINK_SOURCE, stage });
      });
      if (superseded()) return 'superseded';
      setImporting(null);
      if (!opened.ok) return opened.problems;
      // The link's view, without the data: the explorer about to open restores it (the one on screen may have rewritten the hash).
      const { pathname, search } = window.location;
      const view = hashWithoutData(hash);
      window.history.replaceState(window.history.state, '', `${pathname}${search}${view === '' ? '' : `#${view}`}`);
      accept({ ok: true, dataset: opened.dataset, origin: LINK_ORIGIN }, { warnings: opened.warnings });
      return 'opened';
    },
    [accept, supersedeImports],
  );

  useEffect(() => {
    if (startsOnSeed(startup)) return undefined;
    // Run twice under StrictMode: the first run's answers are superseded by the second's (import tickets) and dropped.
    let cancelled = false;
    void (async () => {
      let refused: Problem[] | null = null;
      if (startup.payload !== null) {
        const outcome = await openLink(startup.payload, startup.hash);
        if (cancelled || !Array.isArray(outcome)) return;
        refused = outcome;
      }
      const reopened = startup.workspace === null ? 'failed' : await reopen(startup.workspace, 'your last workspace', true);
      if (cancelled || reopened === 'superseded') return;
      if (reopened === 'failed') {
        // Nothing else was chosen meanwhile (a dropped file): the seed, and it is what opens next time.
        if (currentRef.current === null) {
          setCurrent((previous) => previous ?? { model: createExplorerModel(seed), origin: SEED_ORIGIN, version: 1 });
          accepted(seed, SEED_ORIGIN);
        }
      }
      // Keep what the workspace's own refusal said, if it too could not be read.
      if (refused) {
        const linkProblems = refused;
        setReport((previous) =>
          previous && previous.kind !== 'warnings'
            ? { source: `${LINK_SOURCE} and ${previous.source}`, problems: [...linkProblems, ...previous.problems] }
            : { source: LINK_SOURCE, problems: linkProblems },
        );
      }
    })();
    return () => {
      cancelled = true;
    };
    // Once, at startup: `startup` never changes, and later links arrive through hashchange.
  }, []);

  useEffect(() => {
    // A link with data pasted into the address bar of an open explorer.
    const onHashChange = () => {
      const hash = window.location.hash;
      const payload = linkPayload(hash);
      if (payload === null) return;
      void openLink(payload, hash).then((outcome) => {
        if (Array.isArray(outcome)) setReport({ source: LINK_SOURCE, problems: outcome });
      });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [openLink]);

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

  /** One edit step (apply, undo, redo) on the kept dataset: drawn in place, saved; null when done, else why not. */
  const editWith = useCallback(
    (step: (full: Dataset) => EditOutcome | null, nothing: string): string | null => {
      const shown = currentRef.current;
      if (!shown) return 'nothing is open';
      const outcome = step(shown.model.full);
      if (outcome === null) return nothing;
      if (!outcome.ok) return outcome.reason;
      const model = modelAfterEdit(shown.model, outcome.dataset);
      const origin = shown.origin.kind === 'seed' ? EDITED_SEED_ORIGIN : shown.origin;
      // The same version: the explorer is not remounted. Set at once, so a second key press builds on this edit.
      const next: Current = { model, origin, version: shown.version };
      currentRef.current = next;
      setCurrent(next);
      if (shown.file) setMapping(null);
      accepted(outcome.dataset, origin, outcome.dataset.relations.length <= URGENT_SAVE_RELATIONS, shown.origin.kind !== 'seed');
      return null;
    },
    [accepted],
  );

  const edits = useMemo((): Edits | null => {
    if (!current) return null;
    const full = current.model.full;
    return {
      apply: (edit) => editWith((dataset) => applyEdit(dataset, edit), 'nothing to change'),
      undo: () => editWith(undoEdit, 'there is nothing to undo'),
      redo: () => editWith(redoEdit, 'there is nothing to redo'),
      undoLabel: undoLabel(full),
      redoLabel: redoLabel(full),
    };
  }, [current, editWith]);

  const exportCurrent = useCallback(() => {
    const dataset = currentRef.current?.model.full;
    if (dataset) exportDatasetFile(dataset).catch((error: unknown) => setReport({ source: 'the export', problems: problemsOf(error) }));
  }, []);

  if (current === null) {
    return (
      <div className="startup-status" role="status" aria-live="polite" data-testid="startup-status">
        <progress aria-label="Opening" />
        <span>{startup.payload !== null ? 'Opening the shared link…' : 'Opening your last workspace…'}</span>
      </div>
    );
  }

  const toolbar = (scene: Scene): ReactNode => (
    <DataToolbar
      model={current.model}
      origin={current.origin}
      scene={scene}
      onSeed={showSeed}
      onFile={(file) => void openFile(file)}
      onOpenArticle={() => setDraft({ text: '', title: '', source: '' })}
      onError={(error) => setReport({ source: 'the export', problems: problemsOf(error) })}
      onWorkspaces={() => setShowWorkspaces(true)}
      workspacesButtonRef={workspacesButtonRef}
      saveState={workspaces.saveState}
      {...(current.file ? { onTypes: () => setMapping(MAPPING_OPENED), typesButtonRef } : {})}
    />
  );

  return (
    <DataOriginContext.Provider value={current.origin}>
      <EditsContext.Provider value={edits}>
        <AppErrorBoundary key={current.version} onReset={showSeed}>
          <App key={current.version} model={current.model} headerTools={toolbar} />
        </AppErrorBoundary>
      </EditsContext.Provider>
      {showWorkspaces ? (
        <WorkspacesDialog
          open={workspaces.open}
          showingSeed={current.origin.kind === 'seed'}
          seedCounts={countsOf(seed)}
          currentTitle={current.model.dataset.title ?? current.model.dataset.documents[0]?.title ?? 'Untitled workspace'}
          list={workspaces.list}
          onOpen={async (meta) => {
            const opened = (await reopen(meta.id, meta.name)) === 'opened';
            if (opened) setShowWorkspaces(false);
            return opened;
          }}
          onOpenSeed={() => {
            showSeed();
            setShowWorkspaces(false);
          }}
          onRename={workspaces.rename}
          onDelete={workspaces.remove}
          onSaveAsNew={async (name) => {
            await workspaces.saveAsNew(current.model.full, current.origin, name);
          }}
          onClose={() => setShowWorkspaces(false)}
          returnFocus={() => workspacesButtonRef.current}
        />
      ) : null}
      {workspaces.saveFailure ? <SaveFailureNotice reason={workspaces.saveFailure} onExport={exportCurrent} onDismiss={workspaces.dismissSaveFailure} /> : null}
      {importing ? (
        <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress" data-stage={importing.stage}>
          <progress aria-label="Import progress" />
          <span>
            {IMPORT_STAGE_LABELS[importing.stage]} {importing.file}…
          </span>
        </div>
      ) : null}
      {report ? <ProblemsPanel report={report} onDismiss={() => setReport(null)} /> : null}
      {mapping && current.file ? (
        <TypeMappingDialog
          fileName={current.file.name}
          reading={current.file.reading}
          choices={mapping.applying ?? current.file.choices}
          applying={mapping.applying !== null}
          failure={mapping.failure}
          onChoose={(choices) => void remap(choices)}
          onClose={() => setMapping(null)}
          returnFocus={() => typesButtonRef.current}
        />
      ) : null}
      {merged && current.origin.kind === 'merged' ? <MergeNotice name={merged.name} joined={merged.joined} onDismiss={() => setMerged(null)} /> : null}
      {draft ? (
        <OpenArticleDialog
          initial={draft}
          current={current.model.full}
          onClose={() => setDraft(null)}
          onResult={(dataset, origin) => {
            if (!offer(dataset, origin)) return;
            setDraft(null);
            setMerged(origin.kind === 'merged' && origin.joined?.length ? { name: origin.name, joined: origin.joined } : null);
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
