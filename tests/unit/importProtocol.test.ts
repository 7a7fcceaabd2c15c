/**
 * The import worker's protocol (src/ui/data/importProtocol.ts) and its main-
 * thread client (importInWorker.ts), in Node. Everything that crosses the
 * worker boundary is passed through `structuredClone`, which is what
 * `postMessage` does: a response that only works in-process would fail here.
 * The "worker" in the client tests is an in-process channel that clones each
 * message both ways and runs the real `handleImportRequest`; the real module
 * worker is exercised in tests/browser/importWorker.test.ts.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetParseError, DatasetValidationError, setOwn, type Dataset } from '../../src/model/index.ts';
import { importInWorker, type ImportWorkerLike } from '../../src/ui/data/importInWorker.ts';
import {
  IMPORT_STAGE_LABELS,
  handleImportRequest,
  importRequestProblem,
  importErrorDetails,
  workerFailure,
  type ImportRequest,
  type ImportResponse,
  type ImportStage,
} from '../../src/ui/data/importProtocol.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const seedText = read('../../data/seed-dataset.json');
const seed = JSON.parse(seedText) as Dataset;

/** Runs the worker's handler the way the worker does, keeping every response as it would arrive: cloned. */
async function run(message: unknown): Promise<ImportResponse[]> {
  const responses: ImportResponse[] = [];
  await handleImportRequest(structuredClone(message), (response) => responses.push(structuredClone(response)));
  return responses;
}

const stagesOf = (responses: ImportResponse[]) => responses.flatMap((r) => (r.type === 'progress' ? [r.stage] : []));
const finals = (responses: ImportResponse[]) => responses.filter((r) => r.type !== 'progress');

describe('importRequestProblem', () => {
  it('accepts a well-formed request', () => {
    expect(importRequestProblem({ type: 'import', fileName: 'a.json', text: '' })).toBeUndefined();
  });

  it.each([
    [null, 'must be an object'],
    ['import', 'must be an object'],
    [{ type: 'export', fileName: 'a.json', text: '{}' }, 'unknown message type "export"'],
    [{ fileName: 'a.json', text: '{}' }, 'unknown message type undefined'],
    [{ type: 'import', fileName: '', text: '{}' }, 'field "fileName"'],
    [{ type: 'import', fileName: 42, text: '{}' }, 'field "fileName"'],
    [{ type: 'import', fileName: 'a.json', text: new Uint8Array(2) }, 'field "text"'],
  ])('refuses %j, saying which field', (message, expected) => {
    expect(importRequestProblem(message)).toContain(expected);
  });
});

describe('importRequestProblem: the mapping dialog’s choices', () => {
  it('accepts choices as plain data and refuses a choice no reader knows, naming the field', () => {
    const base = { type: 'import', fileName: 'a.csv', text: '' };
    expect(importRequestProblem({ ...base, readOptions: { relationTypeMap: { ally: 'drop' }, entityTypeMap: { ORG: 'organisation' }, entityTypeAttribute: 'kind' } })).toBeUndefined();
    expect(importRequestProblem({ ...base, readOptions: { relationTypeMap: { ally: 'planet' } } })).toContain('"readOptions.relationTypeMap" gives "ally" the choice "planet"');
    expect(importRequestProblem({ ...base, readOptions: 'keep' })).toContain('field "readOptions" must be an object');
  });
});

describe('importErrorDetails: errors cross postMessage as plain data', () => {
  it('a DatasetParseError keeps its class name and its structured problem, line and column included', () => {
    const error = new DatasetParseError(
      { code: 'invalid-json', path: '', message: 'unexpected "}"', fix: 'remove the trailing comma', line: 12, column: 5 },
      'broken.json',
    );
    const response = structuredClone(importErrorDetails(error, 'broken.json'));
    expect(response).toEqual({ errorName: 'DatasetParseError', file: 'broken.json', problems: error.problems });
    expect(response.problems[0]).toMatchObject({ code: 'invalid-json', line: 12, column: 5, fix: 'remove the trailing comma' });
  });

  it('is needed: structuredClone of the error itself drops the class name and the problems', () => {
    const error = new DatasetValidationError([{ code: 'dangling-reference', path: 'relations[0].source', message: 'no such entity', fix: 'add it' }]);
    const cloned: unknown = structuredClone(error);
    expect(cloned).toBeInstanceOf(Error);
    expect(cloned).not.toBeInstanceOf(DatasetValidationError);
    expect((cloned as Error).name).toBe('Error');
    expect(cloned).not.toHaveProperty('problems');
    const response = structuredClone(importErrorDetails(error, 'x.json'));
    expect(response.errorName).toBe('DatasetValidationError');
    expect(response.problems.map((p) => p.path)).toEqual(['relations[0].source']);
  });

  it('a plain Error or a thrown string becomes one problem with the message and a fix', () => {
    const fromError = importErrorDetails(new TypeError('boom'), 'a.csv');
    expect(fromError.errorName).toBe('TypeError');
    expect(fromError.problems).toHaveLength(1);
    expect(fromError.problems[0]).toMatchObject({ code: 'invalid-value', path: '', message: 'boom' });
    expect(fromError.problems[0]!.fix).not.toBe('');
    const fromString = importErrorDetails('just a string', 'a.csv');
    expect(fromString).toMatchObject({ errorName: 'Error', file: 'a.csv' });
    expect(fromString.problems[0]!.message).toBe('just a string');
  });

  it('workerFailure names the worker, the detail and a fix, and falls back to "unknown error"', () => {
    const failed = structuredClone(workerFailure('SyntaxError: Unexpected token', 'big.json'));
    expect(failed).toMatchObject({ type: 'invalid', errorName: 'ImportWorkerError', file: 'big.json' });
    expect(failed.problems).toHaveLength(1);
    expect(failed.problems[0]!.message).toBe('the import worker failed: SyntaxError: Unexpected token');
    expect(failed.message).toContain('the import worker failed: SyntaxError: Unexpected token. Fix: reload the page');
    // The file is not at fault: the fix is about the page, not the generic "check the file is one newsgraph reads".
    expect(failed.problems[0]!.fix).toContain('reload the page');
    expect(failed.problems[0]!.fix).not.toContain('check the file');
    expect(failed.problems[0]!.message).not.toContain('Fix:');
    expect(workerFailure('', 'big.json').problems[0]!.message).toBe('the import worker failed: unknown error');
    expect(workerFailure(undefined, 'big.json').problems[0]!.message).toBe('the import worker failed: unknown error');
  });
});

describe('handleImportRequest: the worker’s whole logic', () => {
  it('a valid dataset: the three stages in order, then exactly one result holding the dataset', async () => {
    const responses = await run({ type: 'import', fileName: 'seed.json', text: seedText });
    expect(stagesOf(responses)).toEqual(['reading', 'parsing', 'validating']);
    expect(responses.at(-1)?.type).toBe('result');
    const [final] = finals(responses);
    expect(finals(responses)).toHaveLength(1);
    if (final?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(final)}`);
    expect(final.dataset.entities.map((e) => e.id)).toEqual(seed.entities.map((e) => e.id));
    expect(final.dataset.relations).toHaveLength(seed.relations.length);
    expect(final.warnings).toEqual([]);
  });

  it('every stage has a label for the status line', () => {
    const stages: ImportStage[] = ['reading', 'parsing', 'validating'];
    for (const stage of stages) expect(IMPORT_STAGE_LABELS[stage]).toMatch(/^[A-Z]\w+$/);
  });

  it('other formats go through the same path (GEXF from Gephi)', async () => {
    const responses = await run({ type: 'import', fileName: 'gephi.gexf', text: read('../fixtures/formats/gephi-0.10.gexf') });
    const [final] = finals(responses);
    if (final?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(final)}`);
    expect(final.dataset.entities.map((e) => e.id)).toContain('russia');
  });

  it('malformed JSON: stops after parsing with a DatasetParseError located by line and column, no validating stage', async () => {
    const responses = await run({ type: 'import', fileName: 'trailing-comma.json', text: read('../fixtures/bad/trailing-comma.json') });
    expect(stagesOf(responses)).toEqual(['reading', 'parsing']);
    const [final] = finals(responses);
    expect(finals(responses)).toHaveLength(1);
    if (final?.type !== 'error') throw new Error(`expected an error, got ${final?.type}`);
    expect(final.errorName).toBe('DatasetParseError');
    expect(final.file).toBe('trailing-comma.json');
    expect(final.problems[0]).toMatchObject({ code: 'invalid-json' });
    expect(final.problems[0]!.line).toBeGreaterThan(0);
    expect(final.problems[0]!.column).toBeGreaterThan(0);
  });

  it('a dataset that parses but breaks the contract: DatasetValidationError with every problem’s path', async () => {
    const broken = JSON.parse(seedText) as { relations: { source: string }[]; entities: { type: string }[] };
    broken.relations[0]!.source = 'nobody-at-all';
    broken.entities[2]!.type = 'planet';
    const responses = await run({ type: 'import', fileName: 'broken.json', text: JSON.stringify(broken) });
    // Dataset JSON is validated as it is read (parseDatasetJson), so the refusal comes during 'parsing'.
    expect(stagesOf(responses)).toEqual(['reading', 'parsing']);
    expect(finals(responses)).toHaveLength(1);
    const [final] = finals(responses);
    if (final?.type !== 'error') throw new Error(`expected an error, got ${final?.type}`);
    expect(final.errorName).toBe('DatasetValidationError');
    expect(final.message).toContain('broken.json');
    expect(final.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['relations[0].source', 'entities[2].type']));
  });

  it('a foreign file: how its types were read comes back, entity types inferred from known names; choices re-read it', async () => {
    const csv = 'source,relation,target\nIran,supplies drones to,Russia\nVladimir Putin,praised,Acme Drone Works\n';
    const [first] = finals(await run({ type: 'import', fileName: 'free.csv', text: csv }));
    if (first?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(first)}`);
    expect(first.types?.relations.map((row) => [row.name, row.count, row.choice])).toEqual([
      ['supplies drones to', 1, 'keep'],
      ['praised', 1, 'keep'],
    ]);
    expect(first.types).toMatchObject({ inferred: 3, defaulted: 1 });
    const typeOf = (dataset: Dataset, label: string) => dataset.entities.find((entity) => entity.label === label)?.type;
    expect(typeOf(first.dataset, 'Russia')).toBe('country');
    expect(typeOf(first.dataset, 'Vladimir Putin')).toBe('person');

    const readOptions = { relationTypeMap: { 'supplies drones to': 'attacked', praised: 'drop' } } as const;
    const [second] = finals(await run({ type: 'import', fileName: 'free.csv', text: csv, readOptions }));
    if (second?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(second)}`);
    expect(second.dataset.relations.map((relation) => relation.type)).toEqual(['attacked']);
    expect(second.types?.relations.map((row) => [row.name, row.choice])).toEqual([
      ['supplies drones to', 'attacked'],
      ['praised', 'drop'],
    ]);
  });

  it('newsgraph’s own dataset JSON has no types to map', async () => {
    const [final] = finals(await run({ type: 'import', fileName: 'seed.json', text: seedText }));
    if (final?.type !== 'result') throw new Error('expected a result');
    expect(final.types).toBeUndefined();
  });

  it('a malformed message gets one error answer and no progress', async () => {
    const responses = await run({ type: 'import', fileName: 'a.json' });
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ type: 'error', file: '', errorName: 'Error' });
    if (responses[0]?.type !== 'error') throw new Error('expected an error');
    expect(responses[0].problems[0]!.message).toContain('field "text"');
  });

  it('when the result cannot be posted (DataCloneError), the file still gets an error answer instead of silence', async () => {
    const received: ImportResponse[] = [];
    await handleImportRequest({ type: 'import', fileName: 'seed.json', text: seedText }, (response) => {
      if (response.type === 'result') throw new DOMException('could not be cloned', 'DataCloneError');
      received.push(response);
    });
    expect(received.at(-1)).toMatchObject({ type: 'error', errorName: 'DataCloneError', file: 'seed.json' });
  });
});

/** An in-process stand-in for `new Worker(import.worker.ts)`: clones like postMessage, answers asynchronously like a thread. */
class ClonedChannelWorker implements ImportWorkerLike {
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = 0;
  requests: ImportRequest[] = [];

  constructor(private readonly crashWith?: string) {}

  postMessage(message: ImportRequest): void {
    const request = structuredClone(message);
    this.requests.push(request);
    setTimeout(() => {
      if (this.crashWith !== undefined) {
        this.onerror?.(new TestErrorEvent(this.crashWith));
        return;
      }
      void handleImportRequest(request, (response) => {
        const data = structuredClone(response);
        // A terminated worker delivers nothing more.
        setTimeout(() => {
          if (this.terminated === 0) this.onmessage?.(new MessageEvent('message', { data }));
        }, 0);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated += 1;
  }
}

class TestErrorEvent extends Event implements ErrorEvent {
  readonly colno = 0;
  readonly lineno = 0;
  readonly filename = 'import.worker.js';
  readonly error = null;
  constructor(readonly message: string) {
    super('error');
  }
}

describe('importInWorker: the main thread’s side', () => {
  it('forwards the stages, resolves with the result, terminates the worker once and detaches its handlers', async () => {
    const worker = new ClonedChannelWorker();
    const stages: ImportStage[] = [];
    const outcome = await importInWorker('seed.json', seedText, { createWorker: () => worker, onProgress: (stage) => stages.push(stage) });
    expect(stages).toEqual(['reading', 'parsing', 'validating']);
    expect(outcome.type).toBe('result');
    if (outcome.type === 'result') expect(outcome.dataset.entities).toHaveLength(seed.entities.length);
    expect(worker.requests).toEqual([{ type: 'import', fileName: 'seed.json', text: seedText }]);
    expect(worker.terminated).toBe(1);
    expect(worker.onmessage).toBeNull();
    expect(worker.onerror).toBeNull();
  });

  it('sends the mapping choices with the request, as plain data that survives the clone', async () => {
    const worker = new ClonedChannelWorker();
    const relationTypeMap: Record<string, 'drop'> = {};
    setOwn(relationTypeMap, '__proto__', 'drop');
    const readOptions = { relationTypeMap, entityTypeMap: {}, entityTypeAttribute: 'kind' };
    await importInWorker('seed.json', seedText, { createWorker: () => worker, readOptions });
    const sent = worker.requests[0]?.readOptions;
    expect(sent?.entityTypeAttribute).toBe('kind');
    expect(Object.hasOwn(sent?.relationTypeMap ?? {}, '__proto__')).toBe(true);
  });

  it('a bad file resolves (never rejects) with the worker’s problems', async () => {
    const worker = new ClonedChannelWorker();
    const outcome = await importInWorker('trailing-comma.json', read('../fixtures/bad/trailing-comma.json'), { createWorker: () => worker });
    expect(outcome).toMatchObject({ type: 'invalid', errorName: 'DatasetParseError', file: 'trailing-comma.json' });
    expect(worker.terminated).toBe(1);
  });

  it('a crashed worker becomes one ImportWorkerError problem for that file', async () => {
    const worker = new ClonedChannelWorker('Uncaught ReferenceError: document is not defined');
    const outcome = await importInWorker('big.json', seedText, { createWorker: () => worker });
    expect(outcome).toMatchObject({ type: 'invalid', errorName: 'ImportWorkerError', file: 'big.json' });
    if (outcome.type !== 'invalid') throw new Error('expected invalid');
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.message).toContain('document is not defined');
    expect(worker.terminated).toBe(1);
  });

  it('without Worker (createWorker: null) or when creating one throws, the same handler runs on this thread', async () => {
    for (const createWorker of [null, (): ImportWorkerLike => { throw new DOMException('module workers refused', 'SecurityError'); }]) {
      const stages: ImportStage[] = [];
      const outcome = await importInWorker('seed.json', seedText, { createWorker, onProgress: (stage) => stages.push(stage) });
      expect(outcome.type).toBe('result');
      expect(stages).toEqual(['reading', 'parsing', 'validating']);
    }
    const refused = await importInWorker('broken.json', '{"version": 1,', { createWorker: null });
    expect(refused).toMatchObject({ type: 'invalid', errorName: 'DatasetParseError' });
  });
});
