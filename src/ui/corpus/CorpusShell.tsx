/**
 * CorpusShell — the explorer over a corpus served by `newsgraph serve`
 * ===================================================================
 *
 * Mounted instead of the data shell when the page names a corpus API
 * (main.tsx). Opens on the corpus's overview (its most-connected entities
 * and the relations among them; `?overview=N` asks for N of them instead of
 * the server's default), then grows what is loaded on demand: an
 * entity's neighbourhood (Expand, double-click, a search result), a
 * relation with all its sentences, an article with what it says. Each
 * answer is validated (corpusClient.ts), folded into what is loaded by id
 * (state/corpusMerge.ts: the server's ids are stable) and drawn with the
 * entities already on screen where they were (state/corpusModel.ts); the
 * reader's selection and filters carry over (App, state/corpusView.ts).
 *
 * The union of valid answers is not validated again: each answer's
 * mentions and sentences point into documents that answer carries, a union
 * keeps every document, and ids never clash (the same id is the same
 * record), so every reference still resolves.
 *
 * Loads in flight are listed (buttons show it), what each did or why it
 * failed is said in one line over the graph (CorpusToasts), with "Try
 * again" for failures.
 * A first load that fails shows its reason and a retry, never a blank page.
 *
 * Where the server takes edits (`serve --allow-edits`), the review controls
 * write to the corpus (useCorpusEdits.ts); every load is recorded
 * (loadLog.ts) so what is shown can be asked again after an edit.
 */

import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { CorpusInfo } from '../../model/corpusApi.ts';
import { addedNothing, unionDatasets, type UnionCounts } from '../../state/corpusMerge.ts';
import { firstCorpusModel, grownCorpusModel } from '../../state/corpusModel.ts';
import { counted, entityCoverage } from '../../state/corpusTotals.ts';
import { overviewSizeOf } from '../../state/corpusRequests.ts';
import { inTurn, linkedSelection, showAllDocuments, showOnlyDocument } from '../../state/corpusView.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { requestCamera, selectEdge, selectNode } from '../../state/explorerState.ts';
import { App, type Arrival } from '../App.tsx';
import { createCorpusClient, failureMessage, type Subgraph } from './corpusClient.ts';
import { CorpusContext, pendingKey, type Corpus, type CorpusNotice, type PendingKind } from './corpusContext.ts';
import { AppErrorBoundary } from '../data/AppErrorBoundary.tsx';
import { EditsContext } from '../review/editsContext.ts';
import { recordStep, type LoadStep } from './loadLog.ts';
import { useCorpusEdits } from './useCorpusEdits.ts';
import './corpus.css';

interface Shown {
  model: ExplorerModel;
  arrival?: Arrival;
}

type Phase = { kind: 'opening' } | { kind: 'failed'; message: string } | { kind: 'ready'; info: CorpusInfo };

/** How long a notice that only reports success stays up. */
const NOTICE_MS = 6_000;

/** What a finished load shows: what to select, and what to say. */
interface Outcome {
  arrival?: Arrival;
  notice?: CorpusNotice | null;
}

interface Load {
  kind: PendingKind;
  ids: readonly string[];
  /** The question asked, kept so it can be asked again after an edit (loadLog.ts). */
  step: LoadStep;
  /** What is being fetched, for the progress line and messages: "the neighbourhood of Russia". */
  what: string;
  fetch: (signal: AbortSignal) => Promise<Subgraph[]>;
  /** Where new entities go first. */
  anchor?: string;
  /** The document to put first (an opened article). */
  lead?: string;
  finish: (added: UnionCounts, model: ExplorerModel, answers: Subgraph[]) => Outcome;
}

function truncation(answers: readonly Subgraph[]): string {
  const cut = answers.find((answer) => answer.truncated);
  return cut ? ` ${cut.note ?? 'The server sent part of it, to stay within its limits.'}` : '';
}

function addedText(added: UnionCounts): string {
  const parts = [
    added.entities > 0 ? `${counted(added.entities, 'new entity', 'new entities')}` : '',
    added.relations > 0 ? `${counted(added.relations, 'new relation')}` : '',
    added.relations === 0 && added.sentences > 0 ? `${counted(added.sentences, 'new sentence')}` : '',
  ].filter((part) => part !== '');
  return parts.join(', ');
}

export function CorpusShell({ base }: { base: string }): ReactElement {
  const client = useMemo(() => createCorpusClient(base), [base]);
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [shown, setShownState] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  const setShown = useCallback((next: Shown) => {
    shownRef.current = next;
    setShownState(next);
  }, []);
  const [opening, setOpening] = useState(0);
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const pendingRef = useRef(pending);
  const [notice, setNotice] = useState<CorpusNotice | null>(null);
  const aborts = useRef(new Set<AbortController>());
  /** Every question whose answer is in what is shown, for the replay after an edit. */
  const loadLog = useRef<LoadStep[]>([]);

  const mark = useCallback((keys: readonly string[], what: string | null) => {
    const next = new Map(pendingRef.current);
    for (const key of keys) {
      if (what === null) next.delete(key);
      else next.set(key, what);
    }
    pendingRef.current = next;
    setPending(next);
  }, []);

  const run = useCallback(
    async function load(request: Load): Promise<void> {
      const keys = request.ids.map((id) => pendingKey(request.kind, id));
      if (keys.every((key) => pendingRef.current.has(key))) return;
      mark(keys, request.what);
      const controller = new AbortController();
      aborts.current.add(controller);
      try {
        const answers = await request.fetch(controller.signal);
        const current = shownRef.current;
        if (!current || controller.signal.aborted) return;
        loadLog.current = recordStep(loadLog.current, request.step);
        // The kept dataset: a rejected relation an answer brought stays known (the Review tab, undo).
        let dataset = current.model.full;
        const added: UnionCounts = { documents: 0, entities: 0, relations: 0, sentences: 0 };
        for (const answer of answers) {
          const union = unionDatasets(dataset, answer.dataset, request.lead === undefined ? {} : { lead: request.lead });
          dataset = union.dataset;
          for (const key of Object.keys(added) as Array<keyof UnionCounts>) added[key] += union.added[key];
        }
        // Nothing new but the article's place in the list: still a new dataset, so the article pane opens on it.
        const grown = addedNothing(added) && request.lead === undefined ? current.model : grownCorpusModel(current.model, dataset, request.anchor);
        const outcome = request.finish(added, grown, answers);
        setShown({ model: grown, ...(outcome.arrival ? { arrival: outcome.arrival } : {}) });
        if (outcome.notice !== undefined) setNotice(outcome.notice);
      } catch (error) {
        if (controller.signal.aborted) return;
        setNotice({ tone: 'error', text: `Could not load ${request.what}. ${failureMessage(error)}`, retry: () => void load(request) });
      } finally {
        aborts.current.delete(controller);
        mark(keys, null);
      }
    },
    [mark, setShown],
  );

  const labelOf = useCallback((id: string) => shownRef.current?.model.data.entities.get(id)?.label ?? 'this entity', []);

  const expandAs = useCallback(
    (kind: 'expand' | 'entity', entityId: string) => {
      const label = labelOf(entityId);
      void run({
        kind,
        ids: [entityId],
        step: { kind: 'neighbourhood', entity: entityId },
        what: `the neighbourhood of ${label}`,
        fetch: (signal) => client.neighbourhood(entityId, 1, signal).then((answer) => [answer]),
        anchor: entityId,
        finish: (added, model, answers) => {
          const name = model.data.entities.get(entityId)?.label ?? label;
          const entity = model.data.entities.get(entityId);
          const total = entity ? entityCoverage(model.data, entity).total : undefined;
          const text =
            added.entities === 0 && added.relations === 0
              ? `Nothing new around ${name}: ${total === undefined ? 'its relations are' : `all ${counted(total, 'relation')} are`} already loaded.`
              : kind === 'expand'
                ? `Expanded ${name}: ${addedText(added)}.`
                : `Loaded ${name}: ${addedText(added)}.`;
          return {
            // The camera glides to the entity: its new neighbours are placed around it, possibly past the edge of the view.
            arrival: { transition: inTurn(showAllDocuments(), selectNode(entityId), requestCamera(entityId)) },
            notice: kind === 'entity' && addedNothing(added) ? null : { tone: 'info', text: `${text}${truncation(answers)}` },
          };
        },
      });
    },
    [client, labelOf, run],
  );

  const loadSentences = useCallback(
    (relationIds: readonly string[], options: { quiet?: boolean } = {}) => {
      if (relationIds.length === 0) return;
      void run({
        kind: 'sentences',
        ids: relationIds,
        step: { kind: 'evidence', relations: relationIds },
        what: relationIds.length === 1 ? 'the sentences of this relation' : `the sentences of ${relationIds.length} relations`,
        fetch: (signal) => client.evidence(relationIds, signal),
        finish: (added, _model, answers) => ({
          notice:
            options.quiet === true && added.sentences > 0 && truncation(answers) === ''
              ? undefined
              : {
                  tone: 'info',
                  text: `${added.sentences > 0 ? `Loaded ${counted(added.sentences, 'more sentence')}.` : 'No more sentences: every one the corpus holds is loaded.'}${truncation(answers)}`,
                },
        }),
      });
    },
    [client, run],
  );

  const shownModel = useCallback(() => shownRef.current?.model ?? null, []);
  const showModel = useCallback((model: ExplorerModel) => setShown({ model }), [setShown]);
  // The header's counts ("76 entities · 170 relations") follow the store after an edit.
  const refreshInfo = useCallback(async () => {
    const info = await client.info();
    setPhase((current) => (current.kind === 'ready' ? { kind: 'ready', info } : current));
  }, [client]);
  const { edits, saving } = useCorpusEdits({
    client,
    enabled: phase.kind === 'ready' && phase.info.editable === true,
    log: loadLog,
    model: shownModel,
    show: showModel,
    notify: setNotice,
    refreshInfo,
  });

  const corpus = useMemo((): Corpus | null => {
    if (phase.kind !== 'ready') return null;
    return {
      info: phase.info,
      client,
      pending,
      expand: (entityId) => expandAs('expand', entityId),
      showEntity: (entityId) => {
        const current = shownRef.current;
        const entity = current?.model.data.entities.get(entityId);
        if (current && entity && entityCoverage(current.model.data, entity).missing === 0) {
          // All of it is loaded: just go there.
          setShown({ model: current.model, arrival: { transition: inTurn(showAllDocuments(), selectNode(entityId), requestCamera(entityId)) } });
          return;
        }
        expandAs('entity', entityId);
      },
      showRelation: (relationId) => {
        void run({
          kind: 'relation',
          ids: [relationId],
          step: { kind: 'evidence', relations: [relationId] },
          what: 'that relation and its sentences',
          fetch: (signal) => client.evidence([relationId], signal),
          finish: (_added, model, answers) => {
            const relation = model.data.relations.get(relationId);
            if (!relation) return { notice: { tone: 'error', text: 'The server did not send that relation; it may have left the corpus.' } };
            return {
              arrival: { transition: inTurn(showAllDocuments(), selectEdge(relationId), requestCamera(relation.source)) },
              notice: truncation(answers) === '' ? undefined : { tone: 'info', text: truncation(answers).trim() },
            };
          },
        });
      },
      loadSentences,
      openDocument: (documentId) => {
        void run({
          kind: 'document',
          ids: [documentId],
          step: { kind: 'document', document: documentId },
          what: 'that article',
          fetch: (signal) => client.document(documentId, signal).then((answer) => [answer]),
          lead: documentId,
          finish: (added, model, answers) => {
            const document = model.data.documents.get(documentId);
            if (!document) return { notice: { tone: 'error', text: 'The server did not send that article.' } };
            const says = model.data.dataset.relations.filter((relation) => relation.evidence.some((span) => span.document === documentId));
            // What the article brought is placed at the edge of the drawing: glide there.
            const before = shownRef.current?.model.graph;
            const arrived = says.flatMap((relation) => [relation.source, relation.target]).find((id) => before !== undefined && !before.hasNode(id));
            return {
              arrival: { transition: arrived === undefined ? showOnlyDocument(documentId) : inTurn(showOnlyDocument(documentId), requestCamera(arrived)), tab: 'article' },
              notice: {
                tone: 'info',
                text: `Opened “${document.title || 'Untitled article'}”: ${counted(says.length, 'relation')}${added.entities > 0 ? `, ${counted(added.entities, 'new entity', 'new entities')}` : ''}.${truncation(answers)}`,
              },
            };
          },
        });
      },
      notify: setNotice,
      notice,
      saving,
    };
  }, [phase, client, pending, notice, saving, expandAs, loadSentences, run, setShown]);

  // Open the corpus: its description and its overview, then what a shared link points at.
  useEffect(() => {
    const controller = new AbortController();
    setPhase({ kind: 'opening' });
    const limit = overviewSizeOf(window.location.search);
    Promise.all([client.info(controller.signal), client.overview(limit, controller.signal)]).then(
      ([info, overview]) => {
        if (controller.signal.aborted) return;
        let model: ExplorerModel;
        try {
          model = firstCorpusModel(overview.dataset);
        } catch (error) {
          setPhase({ kind: 'failed', message: failureMessage(error) });
          return;
        }
        loadLog.current = [{ kind: 'overview', limit }];
        setShown({ model });
        setPhase({ kind: 'ready', info });
        if (overview.truncated) setNotice({ tone: 'info', text: overview.note ?? 'The overview was cut short to stay within the server’s limits.' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPhase({ kind: 'failed', message: failureMessage(error) });
      },
    );
    return () => controller.abort();
  }, [client, opening, setShown]);

  // A link to something the overview lacks (`#sel=node:ID`) loads it, once the corpus is open. Read
  // now: the explorer rewrites the hash from what it shows as soon as it mounts.
  const [linkAtOpen] = useState(() => linkedSelection(window.location.hash));
  const followedLink = useRef(false);
  useEffect(() => {
    if (!corpus || followedLink.current) return;
    followedLink.current = true;
    const linked = linkAtOpen;
    const model = shownRef.current?.model;
    if (!linked || !model) return;
    if (linked.kind === 'node' && !model.graph.hasNode(linked.id)) corpus.showEntity(linked.id);
    if (linked.kind === 'edge' && !model.graph.hasEdge(linked.id)) corpus.showRelation(linked.id);
  }, [corpus, linkAtOpen]);

  useEffect(() => () => aborts.current.forEach((controller) => controller.abort()), []);

  useEffect(() => {
    if (notice === null || notice.tone !== 'info') return undefined;
    const timer = window.setTimeout(() => setNotice((current) => (current === notice ? null : current)), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  if (phase.kind === 'opening' || (phase.kind === 'ready' && shown === null)) {
    return (
      <div className="corpus-screen" role="status" aria-live="polite" data-testid="corpus-opening">
        <progress aria-label="Opening the corpus" />
        <p>Opening the corpus…</p>
      </div>
    );
  }
  if (phase.kind === 'failed' || !corpus || shown === null) {
    return (
      <div className="corpus-screen is-error" role="alert" data-testid="corpus-failed">
        <h1>newsgraph could not open the corpus</h1>
        <p>{phase.kind === 'failed' ? phase.message : 'The corpus did not load.'}</p>
        <button type="button" className="tool-button tool-primary" onClick={() => setOpening((n) => n + 1)} data-testid="corpus-retry">
          Try again
        </button>
      </div>
    );
  }

  return (
    <CorpusContext.Provider value={corpus}>
      <EditsContext.Provider value={edits}>
        <AppErrorBoundary onReset={() => setOpening((n) => n + 1)} showing="the corpus" resetLabel="Back to the overview">
          <App model={shown.model} {...(shown.arrival ? { arrival: shown.arrival } : {})} />
        </AppErrorBoundary>
      </EditsContext.Provider>
    </CorpusContext.Provider>
  );
}
