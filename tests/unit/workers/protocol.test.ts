/**
 * The one worker protocol (src/workers/protocol.ts), in Node, with a fake
 * worker: an in-process channel that clones every message both ways like
 * postMessage and answers asynchronously like a thread, running the real
 * `answerRequest`. The real module workers are exercised in the browser
 * tests (importWorker, the article dialog's extraction).
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  answerRequest,
  inThreadWorker,
  runInWorker,
  serveWorker,
  WorkerError,
  type WorkerHandler,
  type WorkerPort,
  type WorkerResponse,
} from '../../../src/workers/protocol.ts';

interface CountRequest {
  type: 'count';
  to: number;
}
interface CountProgress {
  at: number;
}
interface CountResult {
  total: number;
}
interface CountErrorDetails {
  errorName: string;
  to: number | null;
}
type CountResponse = WorkerResponse<CountProgress, CountResult, CountErrorDetails>;

class CountError extends Error {
  override name = 'CountError';
}

/** Counts to `to`, reporting each step; refuses negative numbers with a fix. */
const countHandler: WorkerHandler<CountRequest, CountProgress, CountResult, CountErrorDetails> = {
  name: 'counting worker',
  readRequest(message) {
    const to = typeof message === 'object' && message !== null && 'to' in message ? message.to : undefined;
    return typeof to === 'number' ? { request: { type: 'count', to } } : { problem: 'field "to" must be a number' };
  },
  run({ to }, progress) {
    if (to < 0) throw new CountError(`cannot count to ${to}. Fix: give a number of at least 0`);
    for (let at = 1; at <= to; at++) progress({ at });
    return { total: to };
  },
  errorDetails: (error, request) => ({ errorName: error instanceof Error ? error.name : 'Error', to: request?.to ?? null }),
};

class TestErrorEvent extends Event implements ErrorEvent {
  readonly colno = 0;
  readonly lineno = 0;
  readonly filename = 'count.worker.js';
  readonly error = null;
  constructor(readonly message: string) {
    super('error');
  }
}

/** A fake worker: clones like postMessage, delivers each answer on its own macrotask, and nothing once terminated. */
class FakeWorker implements WorkerPort<CountRequest, CountResponse> {
  onmessage: ((event: MessageEvent<CountResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = 0;
  delivered: CountResponse[] = [];

  constructor(private readonly crashWith?: string) {}

  postMessage(message: CountRequest): void {
    const request = structuredClone(message);
    setTimeout(() => {
      if (this.crashWith !== undefined) {
        this.onerror?.(new TestErrorEvent(this.crashWith));
        return;
      }
      void answerRequest(countHandler, request, (response) => {
        const data = structuredClone(response);
        setTimeout(() => {
          if (this.terminated > 0) return;
          this.delivered.push(data);
          this.onmessage?.(new MessageEvent('message', { data }));
        }, 0);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated += 1;
  }
}

const options = { name: 'counting worker', reportWith: 'the number' };

describe('answerRequest: the worker side, free of worker APIs', () => {
  const answers = (message: unknown) => {
    const out: CountResponse[] = [];
    void answerRequest(countHandler, message, (response) => out.push(response));
    return out;
  };

  it('posts progress, then exactly one result, synchronously for a synchronous handler', () => {
    expect(answers({ type: 'count', to: 2 })).toEqual([
      { type: 'progress', at: 1 },
      { type: 'progress', at: 2 },
      { type: 'result', total: 2 },
    ]);
  });

  it('a thrown error becomes one error answer: its message and the handler’s plain-data details', () => {
    expect(answers({ type: 'count', to: -1 })).toEqual([{ type: 'error', message: 'cannot count to -1. Fix: give a number of at least 0', errorName: 'CountError', to: -1 }]);
  });

  it('a malformed message is answered with the worker’s name and the problem, no progress', () => {
    expect(answers({ type: 'count' })).toEqual([{ type: 'error', message: 'counting worker: field "to" must be a number.', errorName: 'Error', to: null }]);
  });

  it('an asynchronous handler: the returned promise settles after the answer', async () => {
    const slow: WorkerHandler<CountRequest, CountProgress, CountResult> = {
      name: 'slow worker',
      readRequest: countHandler.readRequest,
      async run({ to }, progress) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        progress({ at: to });
        if (to > 5) throw new Error('too far');
        return { total: to };
      },
    };
    const out: WorkerResponse<CountProgress, CountResult>[] = [];
    await answerRequest(slow, { to: 3 }, (response) => out.push(response));
    expect(out).toEqual([{ type: 'progress', at: 3 }, { type: 'result', total: 3 }]);
    out.length = 0;
    await answerRequest(slow, { to: 9 }, (response) => out.push(response));
    // Without errorDetails, the error answer is the message alone.
    expect(out).toEqual([{ type: 'progress', at: 9 }, { type: 'error', message: 'too far' }]);
  });

  it('a result that cannot be posted (DataCloneError) is answered with an error instead of silence', () => {
    const out: CountResponse[] = [];
    void answerRequest(countHandler, { to: 0 }, (response) => {
      if (response.type === 'result') throw new DOMException('could not be cloned', 'DataCloneError');
      out.push(response);
    });
    expect(out).toEqual([{ type: 'error', message: 'could not be cloned', errorName: 'DataCloneError', to: 0 }]);
  });
});

describe('runInWorker: the page side', () => {
  it('forwards progress, resolves with the result message, terminates the worker once and detaches its handlers', async () => {
    const worker = new FakeWorker();
    const seen: number[] = [];
    const result = await runInWorker(() => worker, { type: 'count', to: 3 }, { ...options, onProgress: ({ at }) => seen.push(at) });
    expect(result).toEqual({ type: 'result', total: 3 });
    expect(seen).toEqual([1, 2, 3]);
    expect(worker.terminated).toBe(1);
    expect(worker.onmessage).toBeNull();
    expect(worker.onerror).toBeNull();
  });

  it('an error answer rejects with a WorkerError carrying the message and the details, which survived cloning', async () => {
    const worker = new FakeWorker();
    const failed = await runInWorker(() => worker, { type: 'count', to: -2 }, options).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(WorkerError);
    if (!(failed instanceof WorkerError)) return;
    expect(failed.message).toBe('cannot count to -2. Fix: give a number of at least 0');
    expect(failed.failure).toEqual({ kind: 'answered', answer: { type: 'error', message: failed.message, errorName: 'CountError', to: -2 } });
    expect(worker.terminated).toBe(1);
  });

  it('abort terminates the worker at once and rejects with an AbortError; nothing arrives afterwards', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = runInWorker(() => worker, { type: 'count', to: 1000 }, { ...options, signal: controller.signal, onProgress: ({ at }) => seen.push(at) });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    expect(worker.delivered).toEqual([]);
  });

  it('an already aborted signal never starts a worker', async () => {
    const createWorker = vi.fn(() => new FakeWorker());
    await expect(runInWorker(createWorker, { type: 'count', to: 1 }, { ...options, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('a worker that fails by itself (onerror) rejects with a clear message: which worker, what, and "reload the page"', async () => {
    const worker = new FakeWorker('Uncaught SyntaxError: Unexpected token');
    const failed = await runInWorker(() => worker, { type: 'count', to: 1 }, options).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(WorkerError);
    if (!(failed instanceof WorkerError)) return;
    expect(failed.message).toBe(
      'the counting worker failed: Uncaught SyntaxError: Unexpected token. Fix: reload the page and try again; if it persists, report it with the number.',
    );
    expect(failed.failure).toEqual({ kind: 'crashed', detail: 'Uncaught SyntaxError: Unexpected token' });
    expect(worker.terminated).toBe(1);
    expect(worker.onerror).toBeNull();
    const silent = await runInWorker(() => new FakeWorker(''), { type: 'count', to: 1 }, options).catch((error: unknown) => error);
    expect(silent).toMatchObject({ message: expect.stringContaining('the counting worker failed: unknown error. Fix: reload the page') });
  });
});

describe('inThreadWorker and serveWorker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('inThreadWorker runs the same handler behind the worker interface, for pages without Worker', async () => {
    const seen: number[] = [];
    const result = await runInWorker(() => inThreadWorker(countHandler), { type: 'count', to: 2 }, { ...options, onProgress: ({ at }) => seen.push(at) });
    expect(result).toEqual({ type: 'result', total: 2 });
    expect(seen).toEqual([1, 2]);
    await expect(runInWorker(() => inThreadWorker(countHandler), { type: 'count', to: -1 }, options)).rejects.toBeInstanceOf(WorkerError);
  });

  it('serveWorker answers each message posted to the worker’s global scope', () => {
    const posted: unknown[] = [];
    const scope = new EventTarget();
    vi.stubGlobal('self', Object.assign(scope, { postMessage: (message: unknown) => posted.push(message) }));
    serveWorker(countHandler);
    scope.dispatchEvent(new MessageEvent('message', { data: { type: 'count', to: 1 } }));
    expect(posted).toEqual([{ type: 'progress', at: 1 }, { type: 'result', total: 1 }]);
  });
});
