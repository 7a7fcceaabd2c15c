/**
 * Builds `<article>.gold.json` for each held-out article from `curation.ts`.
 *
 * Like scripts/curate-seed.ts: the curation names entities by the names as
 * written and sentences by their opening words; this script only turns them
 * into exact offsets (its own, independent sentence-end rule, not the
 * extractor's splitter) and checks the result with the dataset validator.
 *
 *   npx tsx scripts/curate-eval.ts
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { assertValidDataset, type Dataset, type Evidence } from '../src/model/index.ts';
import { findMentions } from './findMentions.ts';
import { CURATIONS, type ArticleCuration } from './evalCuration.ts';
import { DEV_2 } from './evalCurationDev2.ts';
import { DEV_3 } from './evalCurationDev3.ts';
import { HELD_OUT_4 } from './evalCurationHeldOut4.ts';
import { HELD_OUT_5 } from './evalCurationHeldOut5.ts';

function sentenceOf(text: string, doc: string, quote: string | { opens: string; note: string }): Evidence {
  const opens = typeof quote === 'string' ? quote : quote.opens;
  const start = text.indexOf(opens);
  if (start < 0 || text.indexOf(opens, start + 1) >= 0) throw new Error(`${doc}: sentence not found exactly once: ${opens}`);
  const terminal = /[.!?][”’"]?(?=\s|$)/g;
  terminal.lastIndex = start;
  let end = -1;
  for (let m = terminal.exec(text); m; m = terminal.exec(text)) {
    const candidate = m.index + m[0].length;
    // Not a sentence end: U.S., Mr., a middle initial (“Antony J. Blinken”) or a case name’s “v.”.
    if (/\b(U\.S|U\.N|Mr|Dr|St|v|[A-Z])\.$/.test(text.slice(start, candidate))) continue;
    end = candidate;
    break;
  }
  if (end < 0) throw new Error(`${doc}: no sentence end after: ${opens}`);
  return { document: doc, start, end, ...(typeof quote === 'string' ? {} : { note: quote.note }) };
}

export function goldDataset(curation: ArticleCuration, text: string): Dataset {
  const doc = curation.id;
  const found = findMentions(text, curation.entities);
  return {
    version: 1,
    title: curation.title,
    documents: [{ id: doc, title: curation.title, text, source: `data/eval/articles/${curation.file}` }],
    entities: curation.entities.map(({ names, ...entity }) => ({
      ...entity,
      aliases: names.filter((n) => n !== entity.label),
      mentions: found
        .filter((f) => f.entity === entity.id)
        .sort((a, b) => a.start - b.start)
        .map((f) => ({ document: doc, start: f.start, end: f.end })),
    })),
    relations: curation.relations.map((r, i) => ({
      id: `r${String(i + 1).padStart(2, '0')}-${r.source}-${r.type}-${r.target}`,
      type: r.type,
      source: r.source,
      target: r.target,
      evidence: r.evidence.map((q) => sentenceOf(text, doc, q)),
      ...(r.hedged ? { hedged: true } : {}),
      ...(r.negated ? { negated: true } : {}),
      ...(r.attributedTo ? { attributedTo: r.attributedTo } : {}),
    })),
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const only = process.argv[2]; // a split name: rebuild only its gold files
  for (const curation of [...CURATIONS, ...DEV_2, ...HELD_OUT_4, ...DEV_3, ...HELD_OUT_5]) {
    if (only && curation.split !== only) continue;
    const text = readFileSync(new URL(`../data/eval/articles/${curation.file}`, import.meta.url), 'utf8');
    const dataset = assertValidDataset(goldDataset(curation, text), curation.file);
    const out = curation.file.replace(/\.txt$/, '.gold.json');
    writeFileSync(new URL(`../data/eval/articles/${out}`, import.meta.url), JSON.stringify(dataset, null, 2) + '\n');
    console.log(`wrote ${out}: ${dataset.entities.length} entities, ${dataset.relations.length} relations`);
  }
}
