/**
 * A dataset in a link (state/workspacesLink.ts): the payload round-trips
 * through deflate-raw and base64url, the 32 KB limit holds, and tampered,
 * truncated, foreign or inflating payloads come back as one problem each —
 * never a throw, never a half-read dataset. Node's CompressionStream is the
 * same web API the browser runs.
 */

import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDatasetJson, parseDatasetJson } from '../../src/model/index.ts';
import { syntheticDataset } from '../../src/model/syntheticDataset.ts';
import { checkCandidate } from '../../src/state/dataSource.ts';
import {
  composeDataLink,
  DATA_LINK_MAX_CHARS,
  fromBase64Url,
  hashWithoutData,
  LINK_DATA_MAX_JSON_BYTES,
  linkPayload,
  packDataset,
  toBase64Url,
  unpackLinkData,
} from '../../src/state/workspacesLink.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const ADDRESS = 'http://127.0.0.1:4173/';

async function unpacked(payload: string): Promise<string> {
  const result = await unpackLinkData(payload);
  if (!result.ok) throw new Error(`refused: ${result.problem.message}`);
  return result.text;
}

describe('base64url', () => {
  it('round-trips any bytes, unpadded, in the URL-safe alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses foreign characters and impossible lengths', () => {
    expect(fromBase64Url('abc+')).toBeNull();
    expect(fromBase64Url('ab=c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab cd')).toBeNull();
  });
});

describe('packing a dataset into a link', () => {
  it('round-trips the seed dataset: the unpacked text is a dataset equal to the one packed', async () => {
    const payload = await packDataset(seed);
    expect(payload).not.toBeNull();
    // The seed's 13.5 KB of JSON fit in about 4.6 KB of link.
    expect(payload!.length).toBeLessThan(6_000);
    const text = await unpacked(payload!);
    expect(parseDatasetJson(text)).toEqual(seed);
  });

  it('composes payload first, then the view parameters; the data parameter is read back and stripped from the view', async () => {
    const payload = (await packDataset(seed))!;
    const made = composeDataLink(ADDRESS, '#sel=node%3Arussia&doc=seed', payload);
    expect(made.kind).toBe('fits');
    if (made.kind !== 'fits') return;
    const url = new URL(made.link);
    expect(url.hash.startsWith(`#data=${payload}&`)).toBe(true);
    expect(linkPayload(url.hash)).toBe(payload);
    expect(hashWithoutData(url.hash)).toBe('sel=node%3Arussia&doc=seed');
    expect(composeDataLink(ADDRESS, '', payload)).toEqual({ kind: 'fits', link: `${ADDRESS}#data=${payload}` });
    // An old data parameter in the hash is replaced, never doubled.
    const again = composeDataLink(ADDRESS, url.hash, payload);
    expect(again.kind === 'fits' && new URLSearchParams(new URL(again.link).hash.slice(1)).getAll('data')).toEqual([payload]);
  });

  it('holds the 32 KB limit: a dataset that does not compress under it is refused, and a link is never longer', async () => {
    const big = syntheticDataset({ name: 'medium', entities: 2_000, relations: 5_000 });
    expect(await packDataset(big)).toBeNull();
    expect(composeDataLink(ADDRESS, '', null)).toEqual({ kind: 'too-large', limit: DATA_LINK_MAX_CHARS });
    // A payload that fits alone but not with a long address and view.
    const payload = (await packDataset(seed))!;
    const longView = `#${Array.from({ length: 3_000 }, (_, i) => `doc=d${i}`).join('&')}`;
    expect(composeDataLink(ADDRESS, longView, payload).kind).toBe('too-large');
    // Limits given explicitly are honoured both ways.
    expect(await packDataset(seed, 1_000)).toBeNull();
    const tight = composeDataLink(ADDRESS, '', payload, ADDRESS.length + 6 + payload.length);
    expect(tight.kind).toBe('fits');
    expect(composeDataLink(ADDRESS, '', payload, ADDRESS.length + 5 + payload.length).kind).toBe('too-large');
  });
});

describe('reading a link that was tampered with', () => {
  it('a payload with characters changed comes back as a problem or as text the gate refuses, never a throw', async () => {
    const payload = (await packDataset(seed))!;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: payload.length - 1 }), fc.constantFrom(...'AZaz09-_'), async (at, replacement) => {
        const tampered = payload.slice(0, at) + replacement + payload.slice(at + 1);
        const result = await unpackLinkData(tampered);
        if (!result.ok) {
          expect(result.problem.path).toBe('#data');
          expect(result.problem.fix.length).toBeGreaterThan(0);
          return;
        }
        // Deflate carries no checksum: a change can still decompress. The text then meets the validation gate.
        const loaded = checkDatasetJson(result.text);
        if (loaded.ok) expect(checkCandidate(loaded.dataset, { kind: 'file', name: 'link' }).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a truncated payload is damaged, with a fix', async () => {
    const payload = (await packDataset(seed))!;
    const result = await unpackLinkData(payload.slice(0, Math.floor(payload.length / 2)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toContain('damaged');
    expect(result.problem.fix).toContain('copy the whole link again');
  });

  it('refuses standard base64, empty data, a payload longer than any link, a deflate bomb and bytes that are not UTF-8', async () => {
    const refusal = async (payload: string) => {
      const result = await unpackLinkData(payload);
      if (result.ok) throw new Error('accepted');
      return result.problem;
    };
    expect((await refusal('ab+/cd==')).message).toContain('not base64url');
    expect((await refusal('')).message).toContain('not base64url');
    expect((await refusal('A'.repeat(DATA_LINK_MAX_CHARS + 1))).code).toBe('limit-exceeded');
    const bomb = deflateRawSync(Buffer.alloc(LINK_DATA_MAX_JSON_BYTES + 1024, 0x20), { level: 9 }).toString('base64url');
    expect(bomb.length).toBeLessThan(DATA_LINK_MAX_CHARS);
    const inflating = await refusal(bomb);
    expect(inflating.code).toBe('limit-exceeded');
    expect(inflating.message).toContain('8 MB');
    const latin1 = deflateRawSync(Buffer.from([0x7b, 0xe9, 0x7d])).toString('base64url');
    expect((await refusal(latin1)).code).toBe('binary-file');
  });

  it('JSON that decompresses but breaks the contract is left to the gate, which lists where', async () => {
    const broken = structuredClone(seed);
    broken.relations[0]!.source = 'nobody-at-all';
    const text = await unpacked((await packDataset(broken))!);
    const loaded = checkDatasetJson(text);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.path)).toContain('relations[0].source');
  });
});
