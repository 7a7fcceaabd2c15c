/**
 * A dataset made of the strings that break exporters: quotes, ampersands,
 * angle brackets, `<script>`, `]]>`, emoji (surrogate pairs and a ZWJ
 * sequence), right-to-left text, newlines and tabs in titles, a CRLF article,
 * documents with an outlet, url and publication date (one url not http),
 * U+2028, an empty document, ids with spaces and markup, a self-loop,
 * `hedged: false` stated explicitly beside flags left unsaid, and attribute
 * values of every kind. Offsets are computed, never typed, so the fixture
 * stays valid if a sentence is edited.
 */

import { assertValidDataset, type Dataset, type Span } from '../../../src/model/index.ts';

function spanOf(document: string, text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not in ${document}`);
  return { document, start, end: start + needle.length };
}

const TOM = 'Tom & Jerry’s "Co." <Acme>';
const BETA = 'Beta <script>alert("x")</script> Corp';
const MINISTRY = 'وزارة الخارجية';
const FAMILY = '👩‍👩‍👧 Family 🌍';

const lineA1 = `${TOM} met ${BETA} in a room full of 'single' and "double" quotes & ampersands.`;
const lineA2 = `${BETA} accused ${TOM} of writing ]]> and --> into a CDATA section.`;
const lineA3 = `A line with a tab\there and U+2028\u2028inside, then ${BETA} urged ${BETA} to stop.`;
const docA = [lineA1, lineA2, lineA3].join('\n');

const lineB1 = `${MINISTRY} met ${FAMILY} yesterday, שלום and 日本語 too.`;
const lineB2 = `${FAMILY} said ${MINISTRY} would arrest nobody.`;
const lineB3 = `The end, with a trailing CRLF.`;
const docB = [lineB1, lineB2, lineB3].join('\r\n') + '\r\n';

export function awkwardDataset(): Dataset {
  const a1 = docA.indexOf(lineA1);
  const a2 = docA.indexOf(lineA2);
  const a3 = docA.indexOf(lineA3);
  const b1 = docB.indexOf(lineB1);
  const b2 = docB.indexOf(lineB2);
  const dataset: Dataset = {
    version: 1,
    title: 'Awkward "strings" & <stuff> ]]> --> 🚀\nsecond line',
    documents: [
      {
        id: 'doc <A> & "quotes"',
        title: 'Title\twith tab\nand newline',
        text: docA,
        source: 'https://example.com/?a=1&b=<2>',
        url: 'https://example.com/news?a=1&b=<2>#"frag"',
        published: '2023-09-21T14:05:00.123456+02:00',
      },
      { id: 'crlf-doc', title: 'مقالة — RTL title', text: docB, source: '=Outlet & <Co> ]]>', url: 'javascript:alert("x")', published: '2024-02-29' },
      { id: 'empty', title: '', text: '' },
    ],
    entities: [
      {
        id: 'tom & jerry <acme>',
        label: TOM,
        type: 'organisation',
        aliases: ['Tom & Jerry', '<Acme>', '"Co."'],
        mentions: [spanOf('doc <A> & "quotes"', docA, TOM, a1), spanOf('doc <A> & "quotes"', docA, TOM, a2)],
        attributes: { note: 'a "quoted" <value> & more\nover two lines', n: 3.5, big: 12345678901234, flag: false, nothing: null, empty: '' },
      },
      {
        id: "beta'corp",
        label: BETA,
        type: 'organisation',
        aliases: [],
        mentions: [
          spanOf('doc <A> & "quotes"', docA, BETA, a1),
          spanOf('doc <A> & "quotes"', docA, BETA, a2),
          spanOf('doc <A> & "quotes"', docA, BETA, a3),
          spanOf('doc <A> & "quotes"', docA, BETA, docA.indexOf(BETA, a3) + 1),
        ],
        attributes: {},
      },
      {
        id: 'ministry',
        label: MINISTRY,
        type: 'country',
        aliases: ['الخارجية'],
        mentions: [spanOf('crlf-doc', docB, MINISTRY, b1), spanOf('crlf-doc', docB, MINISTRY, b2)],
      },
      {
        id: 'family 🌍',
        label: FAMILY,
        type: 'group',
        aliases: ['👩‍👩‍👧'],
        mentions: [spanOf('crlf-doc', docB, FAMILY, b1), spanOf('crlf-doc', docB, FAMILY, b2)],
      },
      { id: 'padded', label: '  padded label with trailing space ', type: 'place', aliases: [' x '], mentions: [] },
    ],
    relations: [
      {
        id: 'r"1" <met>',
        type: 'met-with',
        source: "beta'corp",
        target: 'tom & jerry <acme>',
        evidence: [{ document: 'doc <A> & "quotes"', start: a1, end: a1 + lineA1.length }],
        hedged: false,
      },
      {
        id: 'r2',
        type: 'accused',
        source: "beta'corp",
        target: 'tom & jerry <acme>',
        evidence: [{ document: 'doc <A> & "quotes"', start: a2, end: a2 + lineA2.length, note: 'a note with "quotes",\nnewline & <tag>' }],
        hedged: true,
        negated: false,
        attributedTo: 'ministry',
        attributes: { confidence: 0.25, source: '<b>bold</b>' },
      },
      {
        id: 'r3 self-loop',
        type: 'urged',
        source: "beta'corp",
        target: "beta'corp",
        evidence: [{ document: 'doc <A> & "quotes"', start: a3, end: a3 + lineA3.length }],
      },
      {
        id: 'r4',
        type: 'met-with',
        source: 'ministry',
        target: 'family 🌍',
        evidence: [{ document: 'crlf-doc', start: b1, end: b1 + lineB1.length }],
      },
      {
        id: 'r5',
        type: 'threatened-arrest',
        source: 'ministry',
        target: 'family 🌍',
        evidence: [{ document: 'crlf-doc', start: b2, end: b2 + lineB2.length }],
        negated: true,
        attributedTo: 'family 🌍',
      },
      { id: 'r6 no evidence', type: 'allied-with', source: 'padded', target: 'ministry', evidence: [], attributes: {} },
    ],
  };
  return assertValidDataset(dataset, 'awkward fixture');
}
