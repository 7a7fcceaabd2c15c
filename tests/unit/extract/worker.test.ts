import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExtractWorkerError, extractInWorker, type ExtractWorkerLike } from '../../../src/extract/extractInWorker.ts';
import { handleExtractRequest, type ExtractRequest, type ExtractResponse } from '../../../src/extract/extractProtocol.ts';
import { DEFAULT_LIMITS, validateDataset } from '../../../src/model/index.ts';

const seed = readFileSync(new URL('../../../data/seed-article-russia-isolation-unga.txt', import.meta.url), 'utf8');

function run(message: unknown): ExtractResponse[] {
  const out: ExtractResponse[] = [];
  handleExtractRequest(message, (r) => out.push(r));
  return out;
}

/** A worker that runs the real protocol handler in this thread, answering asynchronously like a Web Worker. */
class InThreadWorker implements ExtractWorkerLike {
  onmessage: ((event: MessageEvent<ExtractResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: ExtractRequest): void {
    setTimeout(() => handleExtractRequest(message, (response) => !this.terminated && this.onmessage?.({ data: response } as MessageEvent<ExtractResponse>)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('extraction worker protocol', () => {
  it('answers a request with progress, then one valid dataset', () => {
    const out = run({ type: 'extract', text: seed, title: 'Seed', documentId: 'seed' });
    const result = out[out.length - 1]!;
    expect(out.slice(0, -1).every((m) => m.type === 'progress')).toBe(true);
    expect(out[out.length - 2]).toEqual({ type: 'progress', done: 19, total: 19 });
    expect(result.type).toBe('result');
    if (result.type !== 'result') return;
    expect(validateDataset(result.dataset).ok).toBe(true);
    expect(result.dataset.documents[0]!.id).toBe('seed');
  });

  it('answers a malformed request with an error that says which field and how to fix it', () => {
    expect(run({ type: 'extract', text: 42, title: 'x' })).toEqual([{ type: 'error', message: 'extraction worker: field "text" must be the article as a string.' }]);
    expect(run(null)[0]!.type).toBe('error');
    expect(run({ type: 'parse', text: '', title: '' })[0]).toMatchObject({ type: 'error', message: expect.stringContaining('unknown message type "parse"') });
  });

  it('extractInWorker resolves with the dataset and forwards progress', async () => {
    const progress: number[] = [];
    const worker = new InThreadWorker();
    const dataset = await extractInWorker(seed, { title: 'Seed', onProgress: ({ done }) => progress.push(done), createWorker: () => worker });
    expect(dataset.relations.length).toBeGreaterThan(20);
    expect(progress[progress.length - 1]).toBe(19);
    expect(worker.terminated).toBe(true);
  });

  it('extractInWorker rejects with the worker’s error, and stops on abort', async () => {
    const tooLong = 'a'.repeat(DEFAULT_LIMITS.maxDocumentLength + 1);
    await expect(extractInWorker(tooLong, { title: 'Huge', createWorker: () => new InThreadWorker() })).rejects.toThrow(ExtractWorkerError);
    await expect(extractInWorker(tooLong, { title: 'Huge', createWorker: () => new InThreadWorker() })).rejects.toThrow(/Huge: .* Fix: split it/);
    const controller = new AbortController();
    const worker = new InThreadWorker();
    const pending = extractInWorker(seed, { title: 'x', signal: controller.signal, createWorker: () => worker });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
