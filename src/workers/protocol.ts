/**
 * One protocol for every worker we write
 * ======================================
 *
 * Extracting a pasted book and importing a 30 MB graph file each take
 * seconds, so both run in a Web Worker and the page stays responsive. Both
 * speak this protocol: the page sends one request; the worker answers with
 * progress messages, then exactly one result or error.
 *
 *   → request                                  the worker's own shape, e.g. { type: 'extract', text, title }
 *   ← { type: 'progress', ...progress }        as often as the work allows
 *   ← { type: 'result', ...result }            the answer
 *   ← { type: 'error', message, ...details }   what went wrong and how to fix it; details are plain data
 *
 * Everything crossing the boundary must survive `structuredClone`: a thrown
 * error loses its class and fields there, so the worker sends its message
 * and, through `errorDetails`, whatever else the page needs (Problems).
 *
 * Worker side: a `WorkerHandler` says how to read a request and do the work;
 * `answerRequest` is the whole logic, free of worker APIs (tested in Node);
 * the `<name>.worker.ts` entry only calls `serveWorker(handler)`.
 * Page side: `runInWorker` starts one worker per call and terminates it on
 * the answer or on abort; a worker that fails by itself (script not loaded,
 * uncaught error) rejects with a message that says so and to reload the page.
 * `inThreadWorker` runs a handler behind the same interface where `Worker`
 * does not exist.
 *
 * Imports nothing of ours, so any layer that runs a worker may use it; the
 * workers themselves live in the layer whose code they run.
 */

/** A payload spread into a message: a plain object that has no `type` field of its own (the protocol's). */
export type Payload = object;

export type NoDetails = Record<never, never>;

export type ProgressMessage<P extends Payload> = { type: 'progress' } & P;
export type ResultMessage<R extends Payload> = { type: 'result' } & R;
export type ErrorMessage<E extends Payload = NoDetails> = { type: 'error'; message: string } & E;

/** Everything a worker posts back for one request. */
export type WorkerResponse<P extends Payload, R extends Payload, E extends Payload = NoDetails> = ProgressMessage<P> | ResultMessage<R> | ErrorMessage<E>;

/** What reading a message gives: the request, or why the message is not one (which field, and how to fix it). */
export type ReadRequest<Req> = { request: Req } | { problem: string };

interface HandlerBase<Req, P extends Payload, R extends Payload> {
  /** The worker's name in its messages: "extraction worker". */
  readonly name: string;
  readRequest(message: unknown): ReadRequest<Req>;
  /** The work: reports progress, returns the result (or a promise of it) or throws. */
  run(request: Req, progress: (progress: P) => void): R | Promise<R>;
}

/**
 * A worker's whole logic, as data. `errorDetails` turns a thrown error into
 * plain data sent with its message; required when the error message carries
 * details. `request` is undefined when the message was not a request.
 */
export type WorkerHandler<Req, P extends Payload, R extends Payload, E extends Payload = NoDetails> = HandlerBase<Req, P, R> &
  (NoDetails extends E ? { errorDetails?: (error: unknown, request: Req | undefined) => E } : { errorDetails: (error: unknown, request: Req | undefined) => E });

function errorMessage<Req, P extends Payload, R extends Payload, E extends Payload>(
  handler: WorkerHandler<Req, P, R, E>,
  error: unknown,
  request: Req | undefined,
): ErrorMessage<E> {
  const message = error instanceof Error ? error.message : String(error);
  // Without `errorDetails`, E is NoDetails (WorkerHandler's type requires it otherwise), so `{}` is all of E;
  // the compiler cannot follow that through a generic, hence the one assertion.
  const details = handler.errorDetails?.(error, request) ?? {};
  return { ...details, type: 'error', message } as ErrorMessage<E>;
}

/**
 * Answers one message: progress, then exactly one result or error. Never
 * throws. Synchronous when the handler is, so a test sees every answer at
 * once; a result that cannot be posted (not cloneable) is answered with an
 * error instead of silence.
 */
export function answerRequest<Req, P extends Payload, R extends Payload, E extends Payload>(
  handler: WorkerHandler<Req, P, R, E>,
  message: unknown,
  post: (response: WorkerResponse<P, R, E>) => void,
): void | Promise<void> {
  const read = handler.readRequest(message);
  if ('problem' in read) {
    post(errorMessage(handler, new Error(`${handler.name}: ${read.problem}.`), undefined));
    return;
  }
  const { request } = read;
  const fail = (error: unknown) => post(errorMessage(handler, error, request));
  const answer = (result: R) => {
    try {
      post({ type: 'result', ...result });
    } catch (error) {
      fail(error);
    }
  };
  let result: R | Promise<R>;
  try {
    result = handler.run(request, (progress) => post({ type: 'progress', ...progress }));
  } catch (error) {
    fail(error);
    return;
  }
  if (result instanceof Promise) return result.then(answer, fail);
  answer(result);
}

/** The worker entry's one line: answer every message with `handler`. */
export function serveWorker<Req, P extends Payload, R extends Payload, E extends Payload>(handler: WorkerHandler<Req, P, R, E>): void {
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    void answerRequest(handler, event.data, (response) => self.postMessage(response));
  });
}

/** What the page needs of a worker: a `Worker`, or a stand-in (tests, `inThreadWorker`). */
export interface WorkerPort<Req, Res> {
  postMessage(message: Req): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Res>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Why a call failed: the worker answered with an error, or the worker itself failed (`detail` is the browser's message). */
export type WorkerFailure<E extends Payload> = { kind: 'answered'; answer: ErrorMessage<E> } | { kind: 'crashed'; detail: string };

export class WorkerError<E extends Payload = NoDetails> extends Error {
  override name = 'WorkerError';
  constructor(
    message: string,
    readonly failure: WorkerFailure<E>,
  ) {
    super(message);
  }
}

export interface RunInWorkerOptions<P extends Payload> {
  /** The worker's name in messages: "extraction worker". */
  name: string;
  /** What to report a persisting crash with: "the article". */
  reportWith: string;
  onProgress?: (progress: ProgressMessage<P>) => void;
  signal?: AbortSignal;
}

/**
 * Sends `request` to a new worker and resolves with its result message, or
 * rejects with a `WorkerError` (its error answer, or its crash), or with an
 * `AbortError` when `signal` aborts. The worker is terminated as soon as it
 * answers or the call is aborted, so a cancelled job stops using the CPU.
 */
export function runInWorker<Req, P extends Payload, R extends Payload, E extends Payload = NoDetails>(
  createWorker: () => WorkerPort<Req, WorkerResponse<P, R, E>>,
  request: Req,
  options: RunInWorkerOptions<P>,
): Promise<ResultMessage<R>> {
  return new Promise<ResultMessage<R>>((resolve, reject) => {
    const cancelled = () => new DOMException(`The ${options.name}'s job was cancelled.`, 'AbortError');
    if (options.signal?.aborted) {
      reject(cancelled());
      return;
    }
    const worker = createWorker();
    const finish = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      options.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(cancelled());
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'progress') {
        options.onProgress?.(message);
        return;
      }
      finish();
      if (message.type === 'result') resolve(message);
      else reject(new WorkerError<E>(message.message, { kind: 'answered', answer: message }));
    };
    worker.onerror = (event) => {
      finish();
      const detail = event.message || 'unknown error';
      reject(
        new WorkerError<E>(`the ${options.name} failed: ${detail}. Fix: reload the page and try again; if it persists, report it with ${options.reportWith}.`, {
          kind: 'crashed',
          detail,
        }),
      );
    };
    worker.postMessage(request);
  });
}

/** The same handler behind a worker's interface, on this thread: for environments without Web Workers. */
export function inThreadWorker<Req, P extends Payload, R extends Payload, E extends Payload>(handler: WorkerHandler<Req, P, R, E>): WorkerPort<Req, WorkerResponse<P, R, E>> {
  let terminated = false;
  const port: WorkerPort<Req, WorkerResponse<P, R, E>> = {
    onmessage: null,
    onerror: null,
    // Answers arrive later, as from a thread: the caller has set its handlers by then.
    postMessage: (message) =>
      void Promise.resolve().then(() =>
        answerRequest(handler, message, (data) => {
          if (!terminated) port.onmessage?.(new MessageEvent('message', { data }));
        }),
      ),
    terminate: () => {
      terminated = true;
    },
  };
  return port;
}
