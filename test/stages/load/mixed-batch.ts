import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A directory of inputs as users have them: 20 good articles in every supported format and encoding
 * (some files hold several), and 10 bad inputs, each with the code the loader must give it. The
 * articles are short original write-ups of public events.
 */

export const GOOD = {
  finland: 'Finland became the 31st member of NATO on 4 April 2023. Its foreign minister handed the accession documents to the United States, which keeps the alliance\'s founding treaty, at a ceremony in Brussels.',
  sweden: 'Sweden became the 32nd member of NATO on 7 March 2024, after the Hungarian parliament approved its application in February. Prime Minister Ulf Kristersson attended the ceremony in Washington.',
  croatia: 'Croatia replaced the kuna with the euro on 1 January 2023 and joined Europe\u2019s passport-free Schengen area on the same day \u2013 its biggest step in European integration since it joined the European Union in July 2013. Caf\u00e9 owners in Zagreb had to show prices in both currencies during the changeover.',
  g20: 'The African Union became a permanent member of the Group of 20 at the summit in New Delhi on 9 September 2023. Indian Prime Minister Narendra Modi, who hosted the meeting, invited the chairperson of the union, Comoros President Azali Assoumani, to take his seat at the table.',
  brexit: 'The United Kingdom left the European Union at 11pm London time on 31 January 2020, three and a half years after the referendum of June 2016. A transition period kept most of the old rules in place until the end of that year.',
  biden: 'Joe Biden was sworn in as the 46th president of the United States on 20 January 2021 at the Capitol in Washington. Kamala Harris took the oath of office as vice-president shortly before him.',
  scholz: 'Olaf Scholz was elected chancellor of Germany by the Bundestag on 8 December 2021, succeeding Angela Merkel, who had led the country for sixteen years.',
  sunak: 'Rishi Sunak became prime minister of the United Kingdom on 25 October 2022, after Liz Truss resigned following about seven weeks in office.',
  lula: 'Luiz In\u00e1cio Lula da Silva was sworn in as president of Brazil on 1 January 2023, beginning a third term in office after he defeated Jair Bolsonaro in the run-off of October 2022.',
  meloni: 'Giorgia Meloni was sworn in as prime minister of Italy on 22 October 2022, the first woman to hold the office since the republic was founded.',
  yoon: 'Yoon Suk Yeol took office as president of South Korea on 10 May 2022, succeeding Moon Jae-in at a ceremony in front of the National Assembly in Seoul.',
  macron: 'Emmanuel Macron was re-elected president of France on 24 April 2022, defeating Marine Le Pen in the second round of the election for the second time in five years.',
  saudiIran: 'Saudi Arabia and Iran agreed on 10 March 2023 to restore diplomatic relations and reopen their embassies, in a deal announced in Beijing after talks mediated by China.',
  ethiopia: 'The government of Ethiopia and the Tigray People\'s Liberation Front signed an agreement to end the war in the Tigray region on 2 November 2022 in Pretoria, after talks led by the African Union.',
  asean: 'Leaders of the Association of Southeast Asian Nations agreed in principle on 11 November 2022 to admit Timor-Leste as the eleventh member of the bloc, at their summit in Phnom Penh.',
  modi: 'Narendra Modi was sworn in for a third consecutive term as prime minister of India on 9 June 2024, at a ceremony at the presidential palace in New Delhi.',
  ukraine: 'Russia launched a full-scale invasion of Ukraine on 24 February 2022. President Volodymyr Zelensky declared martial law across the country the same morning.',
  un2397: 'The United Nations Security Council adopted resolution 2397 on 22 December 2017, tightening sanctions on North Korea after its test of an intercontinental ballistic missile in November.',
  kishida: 'Japanese Prime Minister Fumio Kishida visited Kyiv on 21 March 2023 and met President Volodymyr Zelensky, becoming the first Japanese leader since the Second World War to visit a country at war.',
  xi: 'Chinese President Xi Jinping arrived in Moscow on 20 March 2023 for a three-day state visit and talks with President Vladimir Putin in the Kremlin.',
} as const;

export type GoodKey = keyof typeof GOOD;

/** Each bad input: the path below the batch directory (with `:line` or `[index]` for an item) and its code. */
export const BAD: { where: string; code: string }[] = [
  { where: 'empty.txt', code: 'E_EMPTY' },
  { where: 'statement.txt', code: 'E_BINARY' },
  { where: 'photos/photo.html', code: 'E_BINARY' },
  { where: 'broken.json', code: 'E_JSON' },
  { where: 'world/leaders.jsonl:2', code: 'E_JSON' },
  { where: 'nav-only.html', code: 'E_NO_TEXT' },
  { where: 'feeds/broken-feed.xml[1]', code: 'E_FEED_ITEM' },
  { where: 'french.txt', code: 'E_LANGUAGE' },
  { where: 'huge.txt', code: 'E_TOO_LARGE' },
  { where: 'no-text.json', code: 'E_SCHEMA' },
];

export const HUGE_BYTES = 50 * 1024 * 1024;

const CP1252: Record<string, number> = { '\u2019': 0x92, '\u2013': 0x96, '\u201c': 0x93, '\u201d': 0x94, '\u00e9': 0xe9, '\u00e1': 0xe1 };

export function windows1252(s: string): Buffer {
  return Buffer.from([...s].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : CP1252[c] ?? 0x3f)));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | World Desk</title>${head}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/contact">Contact</a></nav></header>
<main><article><h1>${esc(title)}</h1>
${body}
</article></main>
<footer><p>&copy; World Desk. <a href="/terms">Terms</a> <a href="/privacy">Privacy</a></p></footer>
</body></html>
`;
}

/** Writes the batch into `dir` (which must exist and be empty). */
export function writeMixedBatch(dir: string): void {
  for (const sub of ['world', 'feeds', 'photos']) mkdirSync(path.join(dir, sub), { recursive: true });
  const put = (rel: string, data: string | Buffer) => writeFileSync(path.join(dir, rel), data);

  // Plain text: UTF-8, UTF-16 with a BOM, Windows-1252; Markdown.
  put('finland.txt', `Finland joins NATO\n\n${GOOD.finland}\n`);
  put('sweden.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Sweden joins NATO\r\n\r\n${GOOD.sweden}\r\n`, 'utf16le')]));
  put('world/croatia.txt', windows1252(`Croatia adopts the euro\r\n\r\n${GOOD.croatia}\r\n`));
  put('world/g20.md', `# African Union joins the G20\n\n${GOOD.g20}\n`);

  // Web pages: one with JSON-LD and meta tags, one bare.
  put(
    'brexit.html',
    page(
      'The UK leaves the EU',
      `<p>${esc(GOOD.brexit)}</p>`,
      `<link rel="canonical" href="https://desk.example.org/2020/01/31/brexit"><meta property="og:site_name" content="World Desk">` +
        `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"The UK leaves the EU","datePublished":"2020-01-31T23:30:00Z","author":{"@type":"Person","name":"Desk Reporter"}}</script>`,
    ),
  );
  put('world/biden.htm', page('Biden sworn in', `<p>${esc(GOOD.biden)}</p>`));

  // JSON: one object, an array of two, a JSON object with HTML, a JSON Feed.
  put('world/scholz.json', JSON.stringify({ id: 'batch-scholz', title: 'Scholz elected chancellor', publishedAt: '2021-12-08', text: GOOD.scholz }, null, 2));
  put('leaders.json', JSON.stringify([
    { id: 'batch-sunak', title: 'Sunak becomes prime minister', publishedAt: '2022-10-25T11:00:00Z', text: GOOD.sunak },
    { id: 'batch-lula', title: 'Lula sworn in', publishedAt: '2023-01-01', text: GOOD.lula },
  ]));
  put('kishida.json', JSON.stringify({ id: 'batch-kishida', url: 'https://desk.example.org/2023/03/21/kishida', html: `<article><h1>Kishida in Kyiv</h1><p>${esc(GOOD.kishida)}</p></article>` }));
  put('feeds/desk.json', JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'World Desk',
    items: [{ id: 'batch-xi', url: 'https://desk.example.org/2023/03/20/xi', title: 'Xi in Moscow', content_html: `<p>${esc(GOOD.xi)}</p>`, date_published: '2023-03-20T18:00:00+03:00' }],
  }));

  // JSON Lines: two good lines around a broken one; NDJSON.
  put('world/leaders.jsonl', [
    JSON.stringify({ id: 'batch-meloni', publishedAt: '2022-10-22', text: GOOD.meloni }),
    '{"id": "batch-broken", "text": "this line never ends',
    JSON.stringify({ id: 'batch-yoon', publishedAt: '2022-05-10', text: GOOD.yoon }),
  ].join('\n') + '\n');
  put('world/macron.ndjson', JSON.stringify({ id: 'batch-macron', publishedAt: '2022-04-24', text: GOOD.macron }) + '\n');

  // Feeds: RSS 2.0 with three items, Atom with two, and an RSS feed with one broken item.
  const rssItem = (id: string, title: string, date: string, text: string) =>
    `<item><title>${esc(title)}</title><link>https://desk.example.org/${id}</link><guid isPermaLink="false">${id}</guid><pubDate>${date}</pubDate><description>${esc(`<p>${esc(text)}</p>`)}</description></item>`;
  put('feeds/world.rss', `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Desk</title><link>https://desk.example.org/</link><description>World news</description>
${rssItem('batch-saudi-iran', 'Saudi Arabia and Iran restore ties', 'Fri, 10 Mar 2023 14:00:00 +0000', GOOD.saudiIran)}
${rssItem('batch-ethiopia', 'Ethiopia peace agreement signed', 'Wed, 02 Nov 2022 18:00:00 +0200', GOOD.ethiopia)}
${rssItem('batch-asean', 'ASEAN to admit Timor-Leste', 'Fri, 11 Nov 2022 12:00:00 +0700', GOOD.asean)}
</channel></rss>
`);
  put('feeds/desk.atom', `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World Desk</title><id>urn:example:desk</id><updated>2024-06-09T20:00:00Z</updated>
<entry><title>Modi sworn in for a third term</title><id>batch-modi</id><link rel="alternate" href="https://desk.example.org/modi"/><published>2024-06-09T19:30:00+05:30</published><updated>2024-06-09T19:30:00+05:30</updated><content type="html">${esc(`<p>${esc(GOOD.modi)}</p>`)}</content></entry>
<entry><title>Russia invades Ukraine</title><id>batch-ukraine</id><link href="https://desk.example.org/ukraine"/><updated>2022-02-24T09:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${esc(GOOD.ukraine)}</p></div></content></entry>
</feed>
`);
  put('feeds/broken-feed.xml', `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk wire</title>
<item><title>Resolution 2397 adopted</title><guid>batch-2397</guid><pubDate>Fri, 22 Dec 2017 20:00:00 +0000</pubDate><description>${esc(GOOD.un2397)}</description></item>
<item><title>Broken <b>item</title><description>This item was cut and pasted badly.</description></item>
</channel></rss>
`);

  // The bad ones.
  put('empty.txt', '');
  put('statement.txt', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64)]));
  put('photos/photo.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]));
  put('broken.json', '{\n  "id": "batch-broken-json",\n  "text": "An article whose JSON lost its closing brace."\n');
  put('nav-only.html', `<!DOCTYPE html><html><head><title>World Desk</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<div class="menu"><a href="/a">Archive</a> <a href="/b">Newsletters</a> <a href="/c">Podcasts</a></div>
<footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>
`);
  put('french.txt', "L'accord de paix\n\nLe gouvernement a annonc\u00e9 mardi une nouvelle s\u00e9rie de mesures pour soutenir les agriculteurs. Selon le ministre, les aides seront vers\u00e9es avant la fin du mois, mais les syndicats estiment que cela ne suffira pas.\n");
  put('huge.txt', '');
  truncateSync(path.join(dir, 'huge.txt'), HUGE_BYTES);
  put('no-text.json', JSON.stringify({ id: 'batch-no-text', title: 'A title and nothing else' }));
  // Not articles, and left alone when the directory is walked.
  put('README.md', '# Test batch\n\nNot an article.\n');
  put('photos/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}
