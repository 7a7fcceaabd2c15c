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
 * `--gold FILE` scores instead against any dataset file — the analyst's
 * reviewed dataset, or a hand-curated one (src/extract/goldEval.ts).
 */

import { fileURLToPath } from 'node:url';
import { extractDataset } from '../../extract/extractDataset.ts';
import { benchmarkExtraction, buildBenchmarkCorpus } from '../../extract/benchmarkCorpus.ts';
import { combine, evaluate, type EvalReport, type Level, type Score } from '../../extract/evaluate.ts';
import { BUILT_IN_RELATION_TYPE_IDS, assertValidDataset, type Dataset } from '../../model/index.ts';
import { scoreAgainstGold, type GoldEvalResult } from '../../extract/goldEval.ts';
import { EXIT, UsageError, type Command, type CommandIO, type ExitCode } from '../command.ts';
import { loadDatasetFile } from '../datasetFile.ts';
import { optionValue, parseOptions } from '../valueFlags.ts';
import { plural } from './validate.ts';

/**
 * The evaluation splits, in the order they were written. Each was written
 * and annotated before the extractor was run on it, scored once ("first
 * run"), and — unless `neverTuned` — then used to improve the rules (general
 * English patterns only, never an article's names). A never-tuned split is
 * the honest figure: its per-article misses are not listed unless asked for
 * (`--list-all`), so no one tunes on them by accident.
 */
export const SPLITS = [
  { id: 'seed', about: 'the seed article (rules written looking at it)' },
  { id: 'dev', about: 'dev, 5 own articles (tuned on)' },
  { id: 'held-out', about: 'held-out, 4 own articles (since tuned on)', firstRun: { precision: 0.91, recall: 0.49 } },
  { id: 'held-out-2', about: 'held-out-2, 3 own articles (since tuned on)', firstRun: { precision: 0.92, recall: 0.56 } },
  { id: 'held-out-3', about: 'held-out-3, 3 longer articles (tuned on from issue 15)', firstRun: { precision: 0.78, recall: 0.43 } },
  // The first runs of issue 15's splits: the rules of commit f175b0c, before any change for that issue.
  {
    id: 'dev-2',
    about: 'dev-2, 9 articles: wire, press release, court, encyclopedia, speech, denials (tuned on)',
    firstRun: { precision: 0.68, recall: 0.22, named: { precision: 0.69, recall: 0.2 }, entities: { precision: 0.89, recall: 0.67 } },
  },
  {
    id: 'held-out-4',
    about: 'held-out-4, 10 articles in the same styles (never tuned on)',
    firstRun: { precision: 0.83, recall: 0.28, named: { precision: 1, recall: 0.12 }, entities: { precision: 0.89, recall: 0.67 } },
    neverTuned: true,
  },
  // Written after the rules had been tuned on dev-2: its first run (rules of commit 2b1e0f4-era, this session) is a second honest figure.
  {
    id: 'dev-3',
    about: 'dev-3, 9 articles by a third writer, same styles (tuned on after its first run)',
    firstRun: { precision: 0.79, recall: 0.23, named: { precision: 0.75, recall: 0.2 }, entities: { precision: 0.84, recall: 0.6 } },
  },
  // Written and annotated blind in session 10 (no one ran the extractor on it before its first run, on the rules of commit 785b52f).
  {
    id: 'held-out-5',
    about: 'held-out-5, 8 articles by a fourth writer, same styles and a summit (never tuned on)',
    firstRun: { precision: 0.73, recall: 0.25, named: { precision: 0.83, recall: 0.15 }, entities: { precision: 0.79, recall: 0.68 } },
    neverTuned: true,
  },
] as const satisfies ReadonlyArray<{ id: string; about: string; firstRun?: FirstRun; neverTuned?: boolean }>;

interface PrecisionRecall {
  precision: number;
  recall: number;
}

/** A split's first run: relations, and where recorded the four named types and entities. */
type FirstRun = PrecisionRecall & { named?: PrecisionRecall; entities?: PrecisionRecall };

export type EvalSplit = (typeof SPLITS)[number]['id'];

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
  // dev-2 (begin)
  fixture('sweden-joins-nato', 'dev-2'),
  fixture('uk-sanctions-ukrainian-children-deportation', 'dev-2'),
  fixture('icc-putin-lvova-belova-warrants', 'dev-2'),
  fixture('brics-encyclopedia', 'dev-2'),
  fixture('zelenskyy-air-defence-appeal', 'dev-2'),
  fixture('china-denies-arming-russia', 'dev-2'),
  fixture('putin-kim-pyongyang-defence-pact', 'dev-2'),
  fixture('treasury-sanctions-houthi-financiers', 'dev-2'),
  fixture('icj-south-africa-israel-provisional-measures', 'dev-2'),
  // dev-2 (end)
  // held-out-4 (begin)
  fixture('saudi-iran-beijing-agreement', 'held-out-4'),
  fixture('us-treasury-iran-drone-components', 'held-out-4'),
  fixture('icc-netanyahu-gallant-deif-warrants', 'held-out-4'),
  fixture('russo-georgian-war', 'held-out-4'),
  fixture('orban-sanctions-moscow-talks', 'held-out-4'),
  fixture('kremlin-denies-prigozhin-crash', 'held-out-4'),
  fixture('niger-coup-ecowas-france', 'held-out-4'),
  fixture('eu-council-12th-sanctions-package', 'held-out-4'),
  fixture('putin-mongolia-visit', 'held-out-4'),
  fixture('armenia-csto-freeze', 'held-out-4'),
  // held-out-4 (end)
  // dev-3 (begin)
  fixture('israel-hamas-truce-hostage-deal', 'dev-3'),
  fixture('uk-sanctions-iran-air-missiles-russia', 'dev-3'),
  fixture('icj-ukraine-russia-genocide-provisional-measures', 'dev-3'),
  fixture('shanghai-cooperation-organisation-encyclopedia', 'dev-3'),
  fixture('macron-western-troops-ukraine', 'dev-3'),
  fixture('rwanda-denies-backing-m23', 'dev-3'),
  fixture('sudan-war-uae-rsf-geneva-jeddah-talks', 'dev-3'),
  fixture('eu-council-belarus-ryanair-sanctions', 'dev-3'),
  fixture('russia-ukraine-uae-prisoner-exchange', 'dev-3'),
  // dev-3 (end)
  // held-out-5 (begin)
  fixture('iran-drone-missile-attack-israel', 'held-out-5'),
  fixture('venezuela-guaido-interim-president', 'held-out-5'),
  fixture('state-department-sanctions-icc-prosecutor', 'held-out-5'),
  fixture('icj-gambia-myanmar-provisional-measures', 'held-out-5'),
  fixture('aukus-encyclopedia', 'held-out-5'),
  fixture('biden-warsaw-speech-putin', 'held-out-5'),
  fixture('india-denies-nijjar-killing', 'held-out-5'),
  fixture('biden-xi-woodside-summit', 'held-out-5'),
  // held-out-5 (end)
];

export const GOALS = { namedPrecision: 0.9, namedRecall: 0.9, allPrecision: 0.8, allRecall: 0.8 };

const OPTIONS = [{ name: '--check' }, { name: '--speed' }, { name: '--json' }, { name: '--list-all' }, { name: '--gold', value: true }, { name: '--help' }] as const;

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

/** A Markdown table with its columns padded to line up in a terminal. */
function markdownTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
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
  return markdownTable(header, lines);
}

function typeTable(rows: Array<{ name: string; report: EvalReport }>): string {
  const header = ['relation type', ...rows.map((r) => `${r.name} P R F1 (tp/fp/fn)`)];
  const lines = BUILT_IN_RELATION_TYPE_IDS.map((type) => [
    type,
    ...rows.map(({ report }) => {
      const s = report.byType[type];
      return s.truePositives + s.falsePositives + s.falseNegatives === 0 ? '–' : `${prf(s)} (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`;
    }),
  ]);
  return markdownTable(header, lines);
}

function listing(title: string, level: Level): string {
  const part = (label: string, items: string[]) => (items.length ? `  ${label} (${items.length}):\n${items.map((i) => `    - ${i}`).join('\n')}\n` : `  ${label}: none\n`);
  return `${title}\n${part('missed', level.misses)}${part('false hits', level.falseHits)}`;
}

const pr = (s: PrecisionRecall) => `${f(s.precision)} / ${f(s.recall)}`;

function firstRunCell(split: (typeof SPLITS)[number]): string {
  if (!('firstRun' in split)) return '–';
  const first: FirstRun = split.firstRun;
  return [pr(first), first.named && `named ${pr(first.named)}`, first.entities && `entities ${pr(first.entities)}`].filter(Boolean).join(', ');
}

/** The table of splits: each split's first run beside its current figures. */
function splitTable(results: CaseResult[]): string {
  const header = ['split', 'first run: relations P / R', 'now: entities P R F1', 'relations P R F1', '4 named types P R F1', 'evidence P R F1', 'plain-fact errors'];
  const lines = SPLITS.flatMap((split) => {
    const members = results.filter((r) => r.split === split.id);
    if (!members.length) return [];
    const report = combine(members);
    return [[`${split.about} (${members.length})`, firstRunCell(split), prf(report.entities), prf(report.triples), prf(report.namedTriples), prf(report.evidence), String(report.flags.plainFactErrors)]];
  });
  return markdownTable(header, lines);
}

/** Why each split's relations were missed: counts only, so the never-tuned split is shown too. */
function missCauseTable(results: CaseResult[]): string {
  const header = ['split', 'relations missed', 'an end not extracted', 'both ends found, no sentence names both', 'a sentence names both, no rule'];
  const share = (n: number, of: number) => `${n} (${of ? Math.round((100 * n) / of) : 0} %)`;
  const lines = SPLITS.flatMap((split) => {
    const members = results.filter((r) => r.split === split.id);
    if (!members.length) return [];
    const report = combine(members);
    const missed = report.triples.falseNegatives;
    const causes = report.missCauses;
    return [[split.id, String(missed), share(causes.endMissing, missed), share(causes.notInSentence, missed), share(causes.noRule, missed)]];
  });
  return `Why relations were missed:\n${markdownTable(header, lines)}`;
}

const neverTuned = (split: EvalSplit) => SPLITS.some((s) => s.id === split && 'neverTuned' in s && s.neverTuned);

export function formatEval(results: CaseResult[], options: { listAll?: boolean } = {}): string {
  const groups = SPLITS.flatMap((split) => {
    const members = results.filter((r) => r.split === split.id);
    return members.length ? [{ name: split.id, report: combine(members) }] : [];
  });
  const out: string[] = [];
  out.push('newsgraph extraction eval — precision, recall, F1 against hand-curated datasets\n');
  out.push(splitTable(results));
  out.push('');
  out.push(missCauseTable(results));
  out.push('');
  out.push(table(results.map((r) => ({ name: r.name, report: r.report }))));
  out.push('');
  out.push(typeTable(groups));
  out.push('');
  for (const r of groups) {
    const flags = r.report.flags;
    if (flags.compared) out.push(`${r.name}: flags agree on ${flags.compared} shared triples — negated ${flags.negated}, hedged ${flags.hedged}, attributedTo ${flags.attributedTo}; plain-fact errors ${flags.plainFactErrors}`);
  }
  out.push('');
  for (const r of results) {
    if (neverTuned(r.split) && !options.listAll) continue;
    out.push(listing(`${r.name} — entities`, r.report.entities));
    out.push(listing(`${r.name} — triples`, r.report.triples));
  }
  const withheld = results.filter((r) => neverTuned(r.split)).length;
  if (withheld && !options.listAll) out.push(`(the misses of the ${withheld} never-tuned articles are not listed, so no rule is tuned on them; --list-all shows them)`);
  return out.join('\n');
}

const countsCell = (s: Score) => `${prf(s)} (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`;

/** `--gold FILE`: per document and total, the per-type table (built-in and declared types), and what the gold was. */
export function formatGoldEval(file: string, result: GoldEvalResult, options: { listAll?: boolean } = {}): string {
  const header = ['document', 'entities P R F1 (tp/fp/fn)', 'relations P R F1 (tp/fp/fn)', '4 named types P R F1 (tp/fp/fn)', 'evidence P R F1 (tp/fp/fn)'];
  const row = (name: string, report: EvalReport) => [name, countsCell(report.entities), countsCell(report.triples), countsCell(report.namedTriples), countsCell(report.evidence)];
  const lines = [...result.documents.map((d) => row(d.document, d.report)), row('total', result.total)];
  const typeHeader = ['relation type', 'total P R F1 (tp/fp/fn)'];
  const typeLines = [
    ...BUILT_IN_RELATION_TYPE_IDS.map((type) => ({ type, score: result.total.byType[type] })),
    ...result.totalDeclaredByType.map((d) => ({ type: `${d.type} (declared)`, score: d.score })),
  ].map(({ type, score }) => [type, score.truePositives + score.falsePositives + score.falseNegatives === 0 ? '–' : countsCell(score)]);
  const out = [`newsgraph extraction eval against ${file} — precision, recall, F1 per document\n`, markdownTable(header, lines), '', markdownTable(typeHeader, typeLines), ''];
  if (options.listAll) {
    for (const d of result.documents) {
      out.push(listing(`${d.document} — entities`, d.report.entities));
      out.push(listing(`${d.document} — relations`, d.report.triples));
    }
  }
  if (result.withoutText) out.push(`(${plural(result.withoutText, 'document')} without text left out: nothing to extract)`);
  if (result.unscoredRelations) out.push(`(${plural(result.unscoredRelations, 'gold relation')} with no evidence in a document with text not scored)`);
  const from = `gold: ${plural(result.goldRelations, 'relation')} from ${plural(result.documents.length, 'document')}`;
  const c = result.counts;
  out.push(
    result.reviewed
      ? `${from} (the analyst's corrections: ${c.accepted} accepted, ${c.corrected} corrected, ${c.added} added; ${c.rejected} rejected and ${c.unreviewed} unreviewed left out)`
      : `${from} (the whole file: no relation in it carries a review, so it is gold by construction)`,
  );
  return out.join('\n');
}

function runGold(io: CommandIO, file: string, options: { json: boolean; listAll: boolean }): ExitCode {
  const result = scoreAgainstGold(loadDatasetFile(file, io));
  if (result.documents.length === 0) {
    io.stderr(`${file}: no document has text, so there is nothing to extract and score. Fix: give a dataset whose documents keep their article text.\n`);
    return EXIT.invalidInput;
  }
  if (options.json) io.stdout(`${JSON.stringify({ file, ...result }, null, 2)}\n`);
  else io.stdout(`${formatGoldEval(file, result, { listAll: options.listAll })}\n`);
  return EXIT.ok;
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
  usage: 'eval [--check] [--speed] [--json] [--list-all] [--gold FILE]',
  summary: 'score the extractor on the seed article and held-out articles against curated datasets',
  run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${evalCommand.usage}\n\n${evalCommand.summary}.\n` +
          `  --check   exit 1 when the seed article is below the goals (P and R ≥ ${GOALS.namedPrecision} on the four named types, ≥ ${GOALS.allPrecision} on all)\n` +
          `  --speed   also measure extraction speed over ${300} generated articles\n` +
          `  --json    print the reports as JSON\n` +
          `  --list-all  also list the misses of the never-tuned split (reading them is tuning on them)\n` +
          `  --gold FILE score against FILE instead (a dataset JSON): every document with text is extracted again and\n` +
          `              compared with the gold relations whose evidence is in it and the gold entities mentioned in it\n` +
          `              (merged or renamed entities are matched as the corpus merge matches them). Which relations are\n` +
          `              gold: when some relation in FILE carries a review, those the analyst vouched for (accepted,\n` +
          `              corrected as corrected, added; rejected and unreviewed left out — as export --gold writes);\n` +
          `              when none does, all of them (a hand-curated file such as data/eval/articles/*.gold.json)\n`,
      );
      return EXIT.ok;
    }
    const goldFile = optionValue(options, '--gold');
    if (goldFile !== undefined) {
      const other = ['--check', '--speed'].find((flag) => options.flags.has(flag));
      if (other) throw new UsageError(`${other} applies to the built-in articles, not to --gold`);
      return runGold(io, goldFile, { json: options.flags.has('--json'), listAll: options.flags.has('--list-all') });
    }
    const results = runEval(io);
    if (options.flags.has('--json')) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else io.stdout(`${formatEval(results, { listAll: options.flags.has('--list-all') })}\n`);
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
