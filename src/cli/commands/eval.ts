/**
 * `npm run eval` — `newsgraph eval [--check] [--speed] [--json]`
 * ==============================================================
 *
 * Extracts the seed article and the held-out articles and compares each
 * with its hand-curated dataset (src/extract/evaluate.ts): precision, recall
 * and F1 on entities, relation triples (all types, and the four the seed is
 * about) and evidence sentences, then lists what was missed and what was
 * wrongly found. `--check` exits 1 when the seed falls below the goals
 * (≥ 0.9 precision and recall on the four named types, ≥ 0.8 on all types);
 * `--speed` adds the extraction speed over a few hundred generated articles.
 */

import { fileURLToPath } from 'node:url';
import { extractDataset } from '../../extract/extractDataset.ts';
import { benchmarkExtraction, buildBenchmarkCorpus } from '../../extract/benchmarkCorpus.ts';
import { combine, evaluate, type EvalReport, type Level, type Score } from '../../extract/evaluate.ts';
import { RELATION_TYPE_IDS, assertValidDataset, type Dataset } from '../../model/index.ts';
import { EXIT, type Command, type CommandIO } from '../command.ts';
import { parseOptions } from '../valueFlags.ts';

/**
 * `seed`: the article the rules were first written on. `dev`: five articles
 * whose first run was held out, then used to improve the rules (general
 * English patterns only). `held-out`: written after that; its first run was
 * honest, and the rules were then improved on it too (general patterns
 * only). `held-out-2`: written after that round, before the extractor was
 * ever run on them; their first run was honest (relations P/R 0.92/0.56),
 * and they are now tuning data like the others (general patterns only).
 * `held-out-3`: three longer articles written and annotated before the
 * extractor was ever run on them, and never used to change a rule — the
 * honest figures now (relations P/R 0.78/0.43 on the first run; 0.83/0.49
 * after the round tuned on the other splits).
 */
export type EvalSplit = 'seed' | 'dev' | 'held-out' | 'held-out-2' | 'held-out-3';

export interface EvalCase {
  name: string;
  article: string;
  gold: string;
  split: EvalSplit;
}

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const fixture = (name: string, split: EvalSplit): EvalCase => ({
  name,
  article: root(`data/eval/articles/${name}.txt`),
  gold: root(`data/eval/articles/${name}.gold.json`),
  split,
});

export const EVAL_CASES: EvalCase[] = [
  { name: 'seed', article: root('data/seed-article-russia-isolation-unga.txt'), gold: root('data/seed-dataset.json'), split: 'seed' },
  fixture('eu-sanctions-iran-drones', 'dev'),
  fixture('icj-guyana-venezuela-essequibo', 'dev'),
  fixture('nato-summit-vilnius', 'dev'),
  fixture('azerbaijan-karabakh-offensive', 'dev'),
  fixture('g20-new-delhi-summit', 'dev'),
  fixture('icc-taliban-warrants', 'held-out'),
  fixture('african-union-summit-sahel', 'held-out'),
  fixture('uk-sanctions-shadow-fleet', 'held-out'),
  fixture('thailand-cambodia-border-clashes', 'held-out'),
  fixture('us-china-tariffs-export-curbs', 'held-out-2'),
  fixture('un-security-council-haiti-mission', 'held-out-2'),
  fixture('congo-rwanda-ceasefire-talks', 'held-out-2'),
  fixture('philippines-china-arbitration-ruling', 'held-out-3'),
  fixture('japan-south-korea-export-controls', 'held-out-3'),
  fixture('ethiopia-tigray-peace-deal', 'held-out-3'),
];

export const GOALS = { namedPrecision: 0.9, namedRecall: 0.9, allPrecision: 0.8, allRecall: 0.8 };

const OPTIONS = [{ name: '--check' }, { name: '--speed' }, { name: '--json' }, { name: '--help' }] as const;

export interface CaseResult {
  name: string;
  split: EvalSplit;
  report: EvalReport;
  milliseconds: number;
}

/** Extracts each case's article with the gold document's id and title, and scores it. */
export function runEval(io: CommandIO, cases: EvalCase[] = EVAL_CASES): CaseResult[] {
  return cases.map((c) => {
    const text = io.readFile(c.article);
    const gold: Dataset = assertValidDataset(JSON.parse(io.readFile(c.gold)), c.gold);
    const doc = gold.documents[0]!;
    const start = performance.now();
    const extracted = extractDataset(text, { title: doc.title, documentId: doc.id });
    const milliseconds = performance.now() - start;
    return { name: c.name, split: c.split, report: evaluate(extracted, gold), milliseconds };
  });
}

const f = (n: number) => n.toFixed(2);
const prf = (s: Score) => `${f(s.precision)} ${f(s.recall)} ${f(s.f1)}`;

function table(rows: Array<{ name: string; report: EvalReport }>): string {
  const header = ['article', 'entities P R F1', 'triples P R F1', '4 named types P R F1', 'evidence P R F1', 'triples tp/fp/fn'];
  const lines = rows.map(({ name, report }) => [
    name,
    prf(report.entities),
    prf(report.triples),
    prf(report.namedTriples),
    prf(report.evidence),
    `${report.triples.truePositives}/${report.triples.falsePositives}/${report.triples.falseNegatives}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}

function typeTable(rows: Array<{ name: string; report: EvalReport }>): string {
  const header = ['relation type', ...rows.map((r) => `${r.name} P R F1 (tp/fp/fn)`)];
  const lines = RELATION_TYPE_IDS.map((type) => [
    type,
    ...rows.map(({ report }) => {
      const s = report.byType[type];
      return s.truePositives + s.falsePositives + s.falseNegatives === 0 ? '–' : `${prf(s)} (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}

function listing(title: string, level: Level): string {
  const part = (label: string, items: string[]) => (items.length ? `  ${label} (${items.length}):\n${items.map((i) => `    - ${i}`).join('\n')}\n` : `  ${label}: none\n`);
  return `${title}\n${part('missed', level.misses)}${part('false hits', level.falseHits)}`;
}

export function formatEval(results: CaseResult[]): string {
  const rows = [...results.map((r) => ({ name: r.name, report: r.report }))];
  const group = (split: EvalSplit, label: string) => {
    const members = results.filter((r) => r.split === split);
    return members.length ? { name: `${label} (${members.length} articles)`, report: combine(members) } : undefined;
  };
  const dev = group('dev', 'dev');
  const combined = group('held-out', 'held-out');
  if (dev) rows.push(dev);
  if (combined) rows.push(combined);
  const second = group('held-out-2', 'held-out-2');
  if (second) rows.push(second);
  const third = group('held-out-3', 'held-out-3');
  if (third) rows.push(third);
  const seed = results.find((r) => r.split === 'seed');
  const out: string[] = [];
  out.push('newsgraph extraction eval — precision, recall, F1 against hand-curated datasets\n');
  out.push(table(rows));
  out.push('');
  out.push(
    typeTable([
      ...(seed ? [{ name: seed.name, report: seed.report }] : []),
      ...(dev ? [{ name: 'dev', report: dev.report }] : []),
      ...(combined ? [{ name: 'held-out', report: combined.report }] : []),
      ...(second ? [{ name: 'held-out-2', report: second.report }] : []),
      ...(third ? [{ name: 'held-out-3', report: third.report }] : []),
    ]),
  );
  out.push('');
  for (const r of rows) {
    const flags = r.report.flags;
    if (flags.compared) out.push(`${r.name}: flags agree on ${flags.compared} shared triples — negated ${flags.negated}, hedged ${flags.hedged}, attributedTo ${flags.attributedTo}`);
  }
  out.push('');
  for (const r of results) {
    out.push(listing(`${r.name} — entities`, r.report.entities));
    out.push(listing(`${r.name} — triples`, r.report.triples));
  }
  return out.join('\n');
}

export function meetsGoals(report: EvalReport): boolean {
  return (
    report.namedTriples.precision >= GOALS.namedPrecision &&
    report.namedTriples.recall >= GOALS.namedRecall &&
    report.triples.precision >= GOALS.allPrecision &&
    report.triples.recall >= GOALS.allRecall
  );
}

export const evalCommand: Command = {
  name: 'eval',
  usage: 'eval [--check] [--speed] [--json]',
  summary: 'score the extractor on the seed article and held-out articles against curated datasets',
  run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${evalCommand.usage}\n\n${evalCommand.summary}.\n` +
          `  --check   exit 1 when the seed article is below the goals (P and R ≥ ${GOALS.namedPrecision} on the four named types, ≥ ${GOALS.allPrecision} on all)\n` +
          `  --speed   also measure extraction speed over ${300} generated articles\n` +
          `  --json    print the reports as JSON\n`,
      );
      return EXIT.ok;
    }
    const results = runEval(io);
    if (options.flags.has('--json')) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else io.stdout(`${formatEval(results)}\n`);
    if (options.flags.has('--speed')) {
      const texts = EVAL_CASES.map((c) => io.readFile(c.article));
      const bench = benchmarkExtraction(buildBenchmarkCorpus(texts, 300));
      const seedText = texts[0]!;
      const seedTimes: number[] = [];
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        extractDataset(seedText);
        seedTimes.push(performance.now() - t0);
      }
      seedTimes.sort((a, b) => a - b);
      io.stdout(
        `\nspeed: ${bench.articles} articles, ${bench.sentences} sentences, ${(bench.bytes / 1e6).toFixed(2)} MB in ${bench.milliseconds.toFixed(0)} ms — ` +
          `${bench.sentencesPerSecond.toFixed(0)} sentences/s, ${bench.megabytesPerSecond.toFixed(2)} MB/s, median article ${bench.medianArticleMilliseconds.toFixed(2)} ms ` +
          `(first, cold pass: ${bench.coldSentencesPerSecond.toFixed(0)} sentences/s); ` +
          `seed article median ${seedTimes[10]!.toFixed(2)} ms (21 runs)\n`,
      );
    }
    const seed = results.find((r) => r.split === 'seed');
    if (options.flags.has('--check') && seed && !meetsGoals(seed.report)) {
      io.stderr(`newsgraph eval: the seed article is below the goals (${JSON.stringify(GOALS)}). Fix: see the misses and false hits above.\n`);
      return EXIT.invalidInput;
    }
    return EXIT.ok;
  },
};
