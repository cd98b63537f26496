import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '../../../src/stages/load/feed';
import { PROSE, failures, oks, one, oneFailure, parse } from './helpers';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'inputs', 'world-briefing.rss');

const rss = (items: string, channel = '<title>Wire</title>') => `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;
const item = (n: number, extra = '') => `<item><title>Story ${n}</title><guid>g${n}</guid><link>https://example.org/${n}</link><description>${PROSE} (${n})</description>${extra}</item>`;

describe('RSS and Atom feeds', () => {
  it('loads each RSS item: content over description, HTML stripped, link, guid, date, title, source, author', () => {
    const items = parse(readFileSync(FIXTURE), FIXTURE);
    expect(items.map((i) => i.ok && i.input.id)).toEqual(['ledger-2024-03-07-sweden-nato', 'https://news.example.com/world/2023/03/21/kishida-kyiv', 'ledger-2023-03-20-xi-moscow']);
    const [sweden, kishida, xi] = oks(items);
    expect(sweden.input).toMatchObject({
      title: "Sweden becomes NATO's 32nd member",
      url: 'https://news.example.com/world/2024/03/07/sweden-joins-nato',
      publishedAt: '2024-03-07',
      source: 'The Northern Ledger — World briefing',
      origin: `${FIXTURE}[0]`,
    });
    expect(sweden.input.text).toMatch(/^Sweden became the 32nd member of NATO on Thursday .* Washington\.\n\nHungary's parliament/);
    expect(sweden.meta).toMatchObject({ format: 'feed', byline: 'Tom Hale', language: 'en' });
    // An escaped-HTML description becomes text with its paragraphs.
    expect(kishida.input.text).toBe(
      'Japanese Prime Minister Fumio Kishida arrived in Kyiv on Tuesday for talks with Ukrainian President Volodymyr Zelensky, after travelling by train from Poland.\n\nHe is the first Japanese leader since the Second World War to visit a country at war.',
    );
    expect(xi.input).toMatchObject({ publishedAt: '2023-03-20', url: 'https://news.example.com/world/2023/03/20/xi-moscow' });
  });

  it('reads Atom: text, html and xhtml content, summary as fallback, the alternate link, authors, updated as the date', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom &amp; Eve</title>
<entry><title>Plain</title><id>urn:a:1</id><link rel="self" href="https://example.org/self"/><link rel="alternate" href="https://example.org/1"/><published>2024-01-02T03:04:05Z</published><author><name>Ann</name></author><author><name>Bo</name></author><content type="text">${PROSE}
  second line</content></entry>
<entry><title type="html">&lt;b&gt;Html&lt;/b&gt; title</title><id>urn:a:2</id><link href="https://example.org/2"/><updated>2024-01-03T00:00:00+09:00</updated><content type="html">&lt;p&gt;${PROSE}&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>
<entry><title>Xhtml</title><id>urn:a:3</id><updated>2024-01-04</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${PROSE}</p><p>AT&amp;T <em>said</em> so.</p></div></content></entry>
<entry><title>Summary only</title><id>urn:a:4</id><updated>2024-01-05</updated><summary>${PROSE}</summary></entry>
</feed>`;
    const items = oks(parse(atom, 'x.atom'));
    expect(items.map((i) => [i.input.id, i.input.url, i.input.publishedAt, i.input.title])).toEqual([
      ['urn:a:1', 'https://example.org/1', '2024-01-02', 'Plain'],
      ['urn:a:2', 'https://example.org/2', '2024-01-03', 'Html title'],
      ['urn:a:3', null, '2024-01-04', 'Xhtml'],
      ['urn:a:4', null, '2024-01-05', 'Summary only'],
    ]);
    expect(items[0].input.text).toBe(`${PROSE}\nsecond line`);
    expect(items[0].meta?.byline).toBe('Ann, Bo');
    expect(items[0].input.source).toBe('Atom & Eve');
    expect(items[1].input.text).toBe(`${PROSE}\n\nTwo.`);
    expect(items[2].input.text).toBe(`${PROSE}\n\nAT&T said so.`);
    expect(items[3].input.text).toBe(PROSE);
  });

  it('reads RSS 1.0 (RDF): items beside the channel, rdf:about as the id, dc:date', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>RDF wire</title></channel>
<item rdf:about="https://example.org/r1"><title>One</title><link>https://example.org/r1</link><description>${PROSE}</description><dc:date>2023-05-06T07:08:09Z</dc:date></item>
</rdf:RDF>`;
    expect(one(parse(rdf, 'x.rdf')).input).toMatchObject({ id: 'https://example.org/r1', publishedAt: '2023-05-06', source: 'RDF wire', text: PROSE });
  });

  it('keeps the good items of a feed with a malformed item, naming the broken one and its line', () => {
    const xml = rss(`\n${item(1)}\n<item><title>Bad <b>one</title><description>x</description></item>\n${item(3)}\n`);
    const items = parse(xml, 'f.xml');
    expect(oks(items).map((i) => i.input.id)).toEqual(['g1', 'g3']);
    const [bad] = failures(items);
    expect(bad).toMatchObject({ origin: 'f.xml[1]', code: 'E_FEED_ITEM' });
    expect(bad.message).toMatch(/^item 2 \(line 3\) is not well-formed XML: /);
    // The source still comes from the channel header.
    expect(oks(items)[0].input.source).toBe('Wire');
  });

  it('keeps the items before the cut of a truncated feed', () => {
    const xml = rss(`${item(1)}${item(2)}${item(3)}`);
    const cut = xml.slice(0, xml.indexOf('<guid>g3'));
    const items = parse(cut, 'cut.rss');
    expect(oks(items).map((i) => i.input.id)).toEqual(['g1', 'g2']);
    expect(failures(items)).toEqual([{ ok: false, origin: 'cut.rss[2]', code: 'E_FEED_ITEM', message: 'item 3 (line 1) is cut off: the feed ends inside it' }]);
  });

  it('reports an item without content, and loads the others', () => {
    const items = parse(rss(`${item(1)}<item><title>Empty</title><description>  <![CDATA[<p> </p>]]></description></item>`), 'e.rss');
    expect(items.map((i) => (i.ok ? 'ok' : `${i.code} ${i.message}`))).toEqual(['ok', 'E_FEED_ITEM item 2 ("Empty") has no content or description']);
  });

  it('repairs bare ampersands, decodes the declared encoding, and skips a non-English item alone', () => {
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${rss(`<item><title>AT&T caf\xe9</title><description>${PROSE} AT&T.</description></item><item><title>Fr</title><description>Le gouvernement a annonc\xe9 mardi une nouvelle s\xe9rie de mesures pour soutenir les agriculteurs, mais les syndicats estiment que cela ne suffira pas.</description></item>`)}`, 'latin1');
    const items = parse(latin1, 'l.rss');
    expect(items[0].ok && items[0].input.title).toBe('AT&T café');
    expect(items[1]).toMatchObject({ ok: false, code: 'E_LANGUAGE', origin: 'l.rss[1]' });
  });

  it('says what is wrong with XML that is not a usable feed', () => {
    expect(oneFailure(parse('<?xml version="1.0"?><catalog><book>x</book></catalog>', 'c.xml'))).toMatchObject({ code: 'E_FEED', message: 'XML but not an RSS or Atom feed (the root element is <catalog>)' });
    expect(oneFailure(parse(rss(''), 'none.rss'))).toMatchObject({ code: 'E_EMPTY', message: 'the feed has no items' });
    expect(oneFailure(parse('<rss><channel><title>x</title', 'b.rss')).code).toBe('E_FEED');
  });

  it('treats an .xml file that is XHTML as a web page, and an .html file that is a feed as a feed', () => {
    expect(one(parse(`<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${PROSE}</p></body></html>`, 'page.xml')).meta?.format).toBe('html');
    expect(one(parse(rss(item(1)), 'feed.html')).meta?.format).toBe('feed');
  });

  it('does not expand entity bombs', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>${rss(`<item><title>&g;</title><description>${PROSE} &g;</description></item>`)}`;
    const t = Date.now();
    const entries = parseFeed(bomb);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries).length).toBeLessThan(100_000);
  });
});

describe('JSON Feed', () => {
  it('loads items from content_text or content_html, and reports an item with neither', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JF',
      items: [
        { id: 1, url: 'https://example.org/1', title: 'T1', content_text: PROSE, date_published: '2021-02-03T04:05:06+01:00', authors: [{ name: 'Ann' }] },
        { id: '2', content_html: `<p>${PROSE}</p><p>More.</p>` },
        { id: '3', title: 'Nothing' },
      ],
    };
    const items = parse(JSON.stringify(feed), 'feed.json');
    expect(items.map((i) => (i.ok ? [i.input.id, i.input.text, i.input.publishedAt, i.input.source] : [i.origin, i.code]))).toEqual([
      ['1', PROSE, '2021-02-03', 'JF'],
      ['2', `${PROSE}\n\nMore.`, null, 'JF'],
      ['feed.json[2]', 'E_FEED_ITEM'],
    ]);
    expect(items[0].ok && items[0].meta?.byline).toBe('Ann');
  });
});
