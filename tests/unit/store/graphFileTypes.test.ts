/**
 * A graph file's own types, from the file to the corpus and back (issue #16):
 * a spreadsheet of triples whose relation column holds a free-text name
 * ("supplies drones to") and edges with no type at all is ingested as a user
 * would (`ingest`, through the import readers), and a neighbourhood of the
 * corpus answers with those types declared exactly as the reader declared
 * them (label, direction), after the corpus file is closed and reopened.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnyWithWarnings } from '../../../src/graph/formats/index.ts';
import { ingest } from '../../../src/ingest/ingest.ts';
import { SubgraphQuerySchema } from '../../../src/model/corpusApi.ts';
import { typeCatalog } from '../../../src/model/index.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { BACKENDS, testCorpora } from './backends.ts';
import { tempFolder, validAnswer } from './corpusFixtures.ts';

const newPath = tempFolder();

const CSV = ['source,type,target', 'Iran,supplies drones to,Russia', 'Belarus,supplies drones to,Russia', 'Russia,,Wagner Group', 'Iran,,Belarus', ''].join('\n');

describe.each(BACKENDS)('a CSV with a free-text relation name and untyped edges, ingested (%s)', (backend) => {
  const corpus = testCorpora(backend);

  it('keeps the declared types in the corpus and answers with them', async () => {
    const c = await corpus();
    const csv = join(dirname(newPath()), `drones-${backend}.csv`);
    writeFileSync(csv, CSV);
    const failures: string[] = [];
    const summary = await ingest(() => openCorpusStore(c.location, { create: true }), [csv], { workers: 1, onFailure: (f) => failures.push(`${f.origin}: ${f.reason}`) });
    expect(failures).toEqual([]);
    expect(summary.datasets).toBe(1);

    // What the import reader declares for this file: the corpus must give back the same.
    const { dataset: read } = await readAnyWithWarnings(csv, readFileSync(csv, 'utf8'), { format: 'csv' });
    const declared = read.relationTypes ?? [];
    const drones = declared.find((d) => d.label === 'supplies drones to');
    const untyped = declared.find((d) => d.id === 'related-to');
    expect(drones, JSON.stringify(declared)).toBeDefined();
    expect(untyped, JSON.stringify(declared)).toBeDefined();

    const { store } = c;
    const answer = validAnswer(await store.subgraph(SubgraphQuerySchema.parse({ entity: 'Russia' })));
    await store.close();
    const catalog = typeCatalog(answer);
    expect(new Set(answer.relations.map((r) => r.type))).toEqual(new Set([drones!.id, 'related-to']));
    expect(catalog.relation(drones!.id)).toMatchObject({ builtIn: false, label: 'supplies drones to', directed: drones!.directed });
    expect(catalog.relation('related-to')).toMatchObject({ builtIn: false, label: untyped!.label, directed: untyped!.directed });
    const stripColour = <T extends { color?: string }>({ color: _color, ...rest }: T) => rest;
    expect(answer.relationTypes!.map(stripColour)).toEqual(declared.filter((d) => d.id === drones!.id || d.id === 'related-to').map(stripColour));
    expect(answer.relations.filter((r) => r.type === drones!.id)).toHaveLength(2);
  });
});
