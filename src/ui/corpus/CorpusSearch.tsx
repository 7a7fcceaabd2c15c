/**
 * CorpusSearch — the search box in corpus mode: the whole corpus, not only what is drawn
 * ====================================================================================
 *
 * As the reader types, the entities already drawn that match are put in
 * focus in the graph (as the ordinary search does), and after a short pause
 * the server is asked (`/api/search`): entities by label or alias (with
 * their number of relations in the corpus) and sentences by their words
 * (with the two entities, the article's title, outlet and date). Choosing an
 * entity loads its neighbourhood and selects it; choosing a sentence loads
 * that relation with all its sentences and selects it.
 *
 * The WAI-ARIA combobox pattern, like EntityCombobox: the input owns the
 * focus, ↓/↑ move through the options of both groups, Enter chooses (the
 * first option when none is active), Escape closes the list, then clears.
 * The list floats over the graph (fixed position under the box), so long
 * sentences get room even from the narrow left column.
 */

import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { typeCatalog, type Dataset } from '../../model/index.ts';
import type { EntityHit, EvidenceHit, SearchResponse } from '../../model/corpusApi.ts';
import { markedRuns } from '../../state/corpusHighlight.ts';
import { corpusSearchText } from '../../state/corpusRequests.ts';
import { counted } from '../../state/corpusTotals.ts';
import { setSearch, type ExplorerState, type Transition } from '../../state/explorerState.ts';
import { failureMessage } from './corpusClient.ts';
import { onComboboxKey } from '../comboboxKeys.ts';
import { useCorpus } from './corpusContext.ts';
import { provenance } from './corpusFormat.ts';

/** Milliseconds of quiet typing before the server is asked. */
const DEBOUNCE_MS = 250;

type Results =
  | { status: 'idle' }
  | { status: 'loading'; text: string; previous: SearchResponse | null }
  | { status: 'ready'; text: string; hits: SearchResponse }
  | { status: 'failed'; text: string; message: string };

type Option = { kind: 'entity'; hit: EntityHit } | { kind: 'sentence'; hit: EvidenceHit };

interface CorpusSearchProps {
  dataset: Dataset;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function CorpusSearch({ dataset, state, dispatch }: CorpusSearchProps): ReactElement | null {
  const corpus = useCorpus();
  const inputId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const query = state.search.query;
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [place, setPlace] = useState<CSSProperties>({});
  const client = corpus?.client;

  useEffect(() => {
    const text = corpusSearchText(query);
    if (!client || text === null) {
      setResults({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setResults((current) => ({ status: 'loading', text, previous: current.status === 'ready' ? current.hits : current.status === 'loading' ? current.previous : null }));
      client.search(text, undefined, controller.signal).then(
        (hits) => {
          if (!controller.signal.aborted) setResults({ status: 'ready', text, hits });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setResults({ status: 'failed', text, message: failureMessage(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [client, query]);

  const expanded = open && results.status !== 'idle';
  // Float the list under the box, as wide as the reading needs, inside the window.
  useLayoutEffect(() => {
    if (!expanded) return undefined;
    const position = () => {
      const box = inputRef.current?.getBoundingClientRect();
      if (!box) return;
      const width = Math.min(480, window.innerWidth - 16);
      const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
      setPlace({ top: box.bottom + 6, left, width, maxHeight: Math.max(160, window.innerHeight - box.bottom - 18) });
    };
    position();
    window.addEventListener('resize', position);
    window.addEventListener('scroll', position, true);
    return () => {
      window.removeEventListener('resize', position);
      window.removeEventListener('scroll', position, true);
    };
  }, [expanded]);

  if (!corpus) return null;
  const hits = results.status === 'ready' ? results.hits : results.status === 'loading' ? results.previous : null;
  // The hits may name declared types not loaded yet: their declarations travel with the answer.
  const catalog = typeCatalog({
    relationTypes: [...(dataset.relationTypes ?? []), ...(hits?.relationTypes ?? [])],
    entityTypes: [...(dataset.entityTypes ?? []), ...(hits?.entityTypes ?? [])],
  });
  const options: Option[] = hits
    ? [...hits.entities.map((hit): Option => ({ kind: 'entity', hit })), ...hits.evidence.map((hit): Option => ({ kind: 'sentence', hit }))]
    : [];
  const loaded = new Set(dataset.entities.map((entity) => entity.id));
  const optionId = (i: number) => `${listId}-option-${i}`;
  const searchedText = results.status === 'idle' ? '' : results.text;

  const changeQuery = (next: string) => dispatch(setSearch(next, dataset.entities));
  const choose = (option: Option) => {
    setOpen(false);
    setActive(-1);
    changeQuery('');
    if (option.kind === 'entity') corpus.showEntity(option.hit.id);
    else corpus.showRelation(option.hit.relation);
  };

  const renderOption = (option: Option, i: number): ReactElement => {
    const common = {
      id: optionId(i),
      role: 'option' as const,
      'aria-selected': i === active,
      onMouseDown: (event: { preventDefault(): void }) => {
        // mousedown, not click: the input keeps the focus and the list stays until the choice lands.
        event.preventDefault();
        choose(option);
      },
      onMouseEnter: () => setActive(i),
    };
    if (option.kind === 'entity') {
      const { hit } = option;
      const type = catalog.entity(hit.type);
      return (
        <li key={`e ${hit.id}`} {...common} className={i === active ? 'search-hit corpus-hit is-active' : 'search-hit corpus-hit'} data-testid={`corpus-hit-entity-${hit.id}`}>
          <span className="dot" style={{ backgroundColor: type.color }} aria-hidden="true" />
          <span className="search-hit-label">{hit.label}</span>
          <span className="search-hit-type">{type.label}</span>
          <span className="corpus-hit-degree">
            {counted(hit.degree, 'relation')}
            {loaded.has(hit.id) ? ' · in graph' : ''}
          </span>
        </li>
      );
    }
    const { hit } = option;
    const meta = provenance(hit.document);
    return (
      <li
        key={`s ${hit.relation} ${hit.document.id} ${hit.start}`}
        {...common}
        className={i === active ? 'search-hit corpus-sentence is-active' : 'search-hit corpus-sentence'}
        data-testid={`corpus-hit-sentence-${hit.relation}`}
      >
        <span className="corpus-sentence-text">
          {markedRuns(hit.sentence, searchedText).map((run, k) => (run.marked ? <mark key={k}>{run.text}</mark> : <span key={k}>{run.text}</span>))}
        </span>
        <span className="corpus-sentence-meta">
          <span className="corpus-sentence-relation">
            {hit.source.label} {catalog.relation(hit.type).directed ? '→' : '—'} {hit.target.label}
          </span>
          <span>
            {hit.document.title || 'Untitled article'}
            {meta === '' ? '' : ` · ${meta}`}
          </span>
        </span>
      </li>
    );
  };

  const entityOptions = options.filter((option) => option.kind === 'entity');
  const sentenceOptions = options.filter((option) => option.kind === 'sentence');
  return (
    <div className="entity-search corpus-search" role="search">
      <div className="corpus-combobox">
        <label htmlFor={inputId} className="visually-hidden">
          Search the corpus: entities and sentences
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          className="search-input"
          placeholder="Search the corpus…"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 && active < options.length ? optionId(active) : undefined}
          data-testid="entity-search"
          value={query}
          onChange={(event) => {
            setActive(-1);
            setOpen(true);
            changeQuery(event.target.value);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => onComboboxKey(event, { options, active, expanded, query, setActive, setOpen, choose, clear: () => changeQuery('') })}
        />
        <div className="corpus-results" hidden={!expanded} style={place} data-testid="corpus-results">
          <ul className="corpus-results-list" id={listId} role="listbox" aria-label="Found in the corpus" aria-busy={results.status === 'loading'}>
            {(
              [
                ['Entities', entityOptions],
                ['Sentences', sentenceOptions],
              ] as const
            ).map(([heading, group]) =>
              group.length > 0 ? (
                <li key={heading} role="presentation">
                  <span className="corpus-results-heading" aria-hidden="true">
                    {heading}
                  </span>
                  <ul role="group" aria-label={heading} className="corpus-results-group">
                    {group.map((option) => renderOption(option, options.indexOf(option)))}
                  </ul>
                </li>
              ) : null,
            )}
          </ul>
          <p className="corpus-results-status" role="status" data-testid="corpus-search-status">
            {results.status === 'loading' ? 'Searching the corpus…' : null}
            {results.status === 'failed' ? results.message : null}
            {results.status === 'ready' && options.length === 0 ? `Nothing in the corpus matches “${results.text}”.` : null}
          </p>
        </div>
      </div>
    </div>
  );
}
