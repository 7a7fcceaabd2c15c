/**
 * The analyst's edits in corpus mode, written to the server
 * =========================================================
 *
 * Where `newsgraph serve --allow-edits` serves the corpus (CorpusInfo
 * `editable`), CorpusShell provides these edits (ui/review/editsContext.ts)
 * so the review controls appear. The server holds the data, so an edit is a
 * request: `apply`, `undo` and `redo` queue it (editQueue.ts: in order, one
 * at a time) and return null at once; a refusal is said, with the server's
 * reason, in the notice line over the graph (CorpusToasts). After a step the
 * server made, what is shown is asked again from nothing (corpusReplay.ts)
 * and drawn with every entity where it was, so the drawing is the stored
 * truth (a rejected relation gone, a merged entity one node); the Undo and
 * Redo labels come from the corpus's history.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Edit } from '../../model/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { modelKeepingPlaces } from '../../state/keptPlaces.ts';
import type { Edits } from '../review/editsContext.ts';
import { failureMessage, type CorpusClient, type WriteStep } from './corpusClient.ts';
import type { CorpusNotice } from './corpusContext.ts';
import { replayLoads } from './corpusReplay.ts';
import { createEditQueue } from './editQueue.ts';
import { historyLabels, NO_HISTORY, type HistoryLabels } from './historyLabels.ts';
import { stepsAfterEdit, type LoadStep } from './loadLog.ts';

interface CorpusEditsOptions {
  client: CorpusClient;
  /** The server takes edits. */
  enabled: boolean;
  /** The questions whose answers built what is shown (CorpusShell records them). */
  log: { current: LoadStep[] };
  /** The model on screen now. */
  model: () => ExplorerModel | null;
  /** Shows a model; the reader's view carries over. */
  show: (model: ExplorerModel) => void;
  notify: (notice: CorpusNotice | null) => void;
  /** Asks the corpus's description again: an edit changes its counts (a merge, an added relation). */
  refreshInfo?: () => Promise<void>;
}

export interface CorpusEdits {
  /** Null when the server is read-only: no edit controls. */
  edits: Edits | null;
  /** Edits sent or waiting to be. */
  saving: number;
}

const DONE_WORD: Readonly<Record<WriteStep['kind'], string>> = { edit: 'Saved', undo: 'Undone', redo: 'Redone' };

export function useCorpusEdits({ client, enabled, log, model, show, notify, refreshInfo }: CorpusEditsOptions): CorpusEdits {
  const [labels, setLabels] = useState<HistoryLabels>(NO_HISTORY);
  const [saving, setSaving] = useState(0);
  const queue = useMemo(() => createEditQueue(setSaving), []);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const readHistory = useCallback(async () => {
    const history = await client.history();
    if (alive.current) setLabels(historyLabels(history));
  }, [client]);

  useEffect(() => {
    if (!enabled) return;
    readHistory().catch((error: unknown) => notify({ tone: 'error', text: `Could not read the corpus’s edits: ${failureMessage(error)}` }));
  }, [enabled, readHistory, notify]);

  /** Asks again for everything shown and draws the fresh union (again, if a load joined the log meanwhile). */
  const refresh = useCallback(async () => {
    for (;;) {
      const asked = log.current;
      const replayed = await replayLoads(client, asked);
      if (log.current !== asked) continue;
      log.current = replayed.log;
      const current = model();
      if (current && alive.current) show(modelKeepingPlaces(current, replayed.dataset));
      return;
    }
  }, [client, log, model, show]);

  /** One write, in turn: null when the server made it, else its reason (also said in the notice line). */
  const submit = useCallback(
    (step: WriteStep): Promise<string | null> =>
      new Promise((resolve) => {
        queue.add(async () => {
          let outcome;
          try {
            outcome = await client.write(step);
          } catch (error) {
            const reason = failureMessage(error);
            notify({ tone: 'error', text: reason });
            resolve(reason);
            return;
          }
          if (!outcome.ok) {
            notify({ tone: 'error', text: `Not done: ${outcome.reason}` });
            resolve(outcome.reason);
            return;
          }
          if (step.kind === 'edit') log.current = stepsAfterEdit(log.current, step.edit);
          resolve(null);
          const done = `${DONE_WORD[step.kind]}: ${outcome.label}.`;
          const update = async (): Promise<void> => {
            try {
              await Promise.all([refresh(), readHistory(), refreshInfo?.()]);
              notify({ tone: 'info', text: done });
            } catch (error) {
              notify({ tone: 'error', text: `${done} The graph could not be brought up to date: ${failureMessage(error)}`, retry: () => void update() });
            }
          };
          await update();
        });
      }),
    [client, log, notify, queue, readHistory, refresh, refreshInfo],
  );

  const edits = useMemo((): Edits | null => {
    if (!enabled) return null;
    return {
      // The server answers later: the refusal, if any, is said in the notice line.
      apply: (edit: Edit) => {
        void submit({ kind: 'edit', edit });
        return null;
      },
      undo: () => {
        if (labels.undoLabel === null && queue.waiting === 0) return 'there is nothing to undo';
        void submit({ kind: 'undo' });
        return null;
      },
      redo: () => {
        if (labels.redoLabel === null && queue.waiting === 0) return 'there is nothing to redo';
        void submit({ kind: 'redo' });
        return null;
      },
      undoLabel: labels.undoLabel,
      redoLabel: labels.redoLabel,
      answersLater: true,
    };
  }, [enabled, labels, queue, submit]);

  return { edits, saving };
}
