import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_ELEMENTS, MAX_HTML_CHARS, extractHtml, fragmentText, markupDepth, stripRawBlocks } from '../../../src/stages/load/html';
import { PROSE, one, oneFailure, parse } from './helpers';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'inputs', 'finland-joins-nato.html');

const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('saved web pages', () => {
  const saved = readFileSync(FIXTURE);

  it('keeps the article of a real-looking page and drops navigation, ads, sidebars, banners and the footer', () => {
    const { input, meta } = one(parse(saved, FIXTURE));
    const paragraphs = input.text.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^Finland formally joined NATO on Tuesday, .* military non-alignment\.$/);
    expect(paragraphs[4]).toBe("The Kremlin said Russia would take counter-measures to protect its own security. Sweden's application remained blocked by Turkey and Hungary.");
    for (const junk of ['Advertisement', 'Subscribe today', 'Spring sale', 'Most read', 'Krona', 'cookies', 'Sign up', 'All rights reserved', 'Related', 'Share', 'Politics', 'Search', 'dataLayer', 'font-family']) {
      expect(input.text).not.toContain(junk);
    }
    expect(input).toMatchObject({
      title: "Finland becomes NATO's 31st member",
      publishedAt: '2023-04-04',
      url: 'https://news.example.com/world/2023/04/04/finland-joins-nato',
      source: 'The Northern Ledger',
      origin: FIXTURE,
    });
    expect(meta).toMatchObject({ format: 'html', byline: 'Aino Virtanen, Tom Hale', language: 'en', encoding: 'utf-8' });
  });

  it('takes metadata from meta tags when there is no JSON-LD, and JSON-LD over meta tags when both disagree', () => {
    const body = `<article><p>${PROSE}</p></article>`;
    const metaOnly = extractHtml(page(
      '<meta property="og:title" content="Talks resume"><meta name="author" content="J. Doe"><meta property="article:published_time" content="2024-03-05T23:30:00-05:00"><meta property="og:url" content="https://example.org/a"><meta property="og:site_name" content="Example Post">',
      body,
    ));
    expect(metaOnly.ok && metaOnly.article).toMatchObject({ title: 'Talks resume', byline: 'J. Doe', publishedAt: '2024-03-05', url: 'https://example.org/a', source: 'Example Post' });
    const both = extractHtml(page(
      '<meta property="og:title" content="From meta"><meta property="article:published_time" content="2024-03-05">' +
        '<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"From JSON-LD","datePublished":"2024-02-01","author":"Ann Writer","publisher":"Wire"}]</script>',
      body,
    ));
    expect(both.ok && both.article).toMatchObject({ title: 'From JSON-LD', publishedAt: '2024-02-01', byline: 'Ann Writer', source: 'Wire' });
  });

  it('ignores broken JSON-LD and author links, and falls back to the only <h1> and then <title>', () => {
    const r = extractHtml(page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="article:author" content="https://example.org/staff/1">', `<h1>Only heading</h1><p>${PROSE}</p>`));
    expect(r.ok && r.article).toMatchObject({ title: 'Only heading', byline: null });
    const t = extractHtml(page('<title>Page title</title>', `<p>${PROSE}</p>`));
    expect(t.ok && t.article.title).toBe('Page title');
  });

  it('resolves a relative canonical link against the page URL, and drops it when there is none', () => {
    const html = page('<link rel="canonical" href="/world/talks">', `<p>${PROSE}</p>`);
    const fetched = extractHtml(html, 'https://example.org/amp/world/talks?x=1');
    expect(fetched.ok && fetched.article.url).toBe('https://example.org/world/talks');
    const saved = extractHtml(html);
    expect(saved.ok && saved.article.url).toBeNull();
    const js = extractHtml(page('<link rel="canonical" href="javascript:alert(1)">', `<p>${PROSE}</p>`), 'https://example.org/p');
    expect(js.ok && js.article.url).toBe('https://example.org/p');
  });

  it('reports a page without article text as E_NO_TEXT', () => {
    const navOnly = page('<title>Site</title>', '<nav><a href="/">Home</a> <a href="/w">World</a></nav><footer>&copy; Site</footer>');
    expect(oneFailure(parse(navOnly, 'nav.html'))).toMatchObject({ code: 'E_NO_TEXT', origin: 'nav.html' });
    expect(oneFailure(parse(page('', '<img src="a.png"><img src="b.png">'), 'images.html')).code).toBe('E_NO_TEXT');
    const links = page('', `<div>${Array.from({ length: 30 }, (_, i) => `<a href="/s${i}">Story number ${i} headline</a>`).join(' ')}</div>`);
    expect(oneFailure(parse(links, 'links.html')).message).toMatch(/mostly links|after removing/);
  });

  it('uses the JSON-LD articleBody when the page body has no text (a paywall)', () => {
    const html = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Locked","articleBody":${JSON.stringify(PROSE)}}</script>`, '<div class="paywall">Subscribe to read</div>');
    const { input } = one(parse(html, 'locked.html'));
    expect(input).toMatchObject({ text: PROSE, title: 'Locked' });
  });

  it('gives offsets into the extracted text: the text handed on is what was extracted', () => {
    const { input } = one(parse(page('', `<p>First <b>bold</b> para&shy;graph, with&nbsp;spaces. ${PROSE}</p><p>Second<br>line.</p><pre>keep   this\n  as is</pre>`), 'x.html'));
    expect(input.text).toBe(`First bold paragraph, with spaces. ${PROSE}\n\nSecond\nline.\n\nkeep   this\n  as is`);
    expect(input.text.slice(input.text.indexOf('Geneva'), input.text.indexOf('Geneva') + 6)).toBe('Geneva');
  });

  it('skips a non-English page, and decodes the charset a page declares', () => {
    const ru = 'Правительство во вторник объявило о новых мерах поддержки фермеров. По словам министра, выплаты будут сделаны до конца месяца, но профсоюзы считают, что этого недостаточно.';
    const cp1251 = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), encode1251(ru), Buffer.from('</p></body></html>')]);
    const f = oneFailure(parse(cp1251, 'ru.html'));
    expect(f).toMatchObject({ code: 'E_LANGUAGE', message: 'the article is in Russian (ru), not English; skipped' });
    const latin1 = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>'), Buffer.from(`${PROSE} The caf\xe9 was closed.`, 'latin1'), Buffer.from('</p></body></html>')]);
    expect(one(parse(latin1, 'fr.html')).input.text).toContain('The café was closed.');
  });

  it('stays fast on pages built to be slow: deep nesting, huge element counts, unclosed blocks', () => {
    const cases: [string, string][] = [
      ['deep', `<html><body>${'<div>'.repeat(3000)}<p>${PROSE}</p>${'</div>'.repeat(3000)}</body></html>`],
      ['unclosed', `<html><body>${'<b>'.repeat(20000)}<p>${PROSE}</p></body></html>`],
      ['wide', `<html><body><nav>${'<a href="/">x</a>'.repeat(100)}</nav>${'<span></span>'.repeat(MAX_ELEMENTS + 10)}<article><p>${PROSE}</p></article></body></html>`],
      ['script', `<html><body><p>${PROSE}</p><script>${'<div>'.repeat(50000)}`],
      ['comment', `<html><body><p>${PROSE}</p><!-- ${'<p>x</p>'.repeat(50000)}`],
    ];
    for (const [name, html] of cases) {
      const t = Date.now();
      const r = extractHtml(html);
      expect({ name, ms: Date.now() - t < 3000 }).toEqual({ name, ms: true });
      expect({ name, text: r.ok ? r.article.text : r.message }).toEqual({ name, text: PROSE });
    }
  });

  it('cuts a page over MAX_HTML_CHARS before parsing and says so', () => {
    const html = `<html><body><p>${PROSE}</p>${'<p>More of the same text, again and again.</p>'.repeat(Math.ceil(MAX_HTML_CHARS / 40))}</body></html>`;
    const [item] = parse(html, 'long.html', { maxBytes: 10 * MAX_HTML_CHARS });
    expect(item.ok && item.meta?.truncated).toBe(true);
  });
});

describe('HTML helpers', () => {
  it('strips scripts, styles, comments and the like in one pass; an unclosed one swallows the rest', () => {
    expect(stripRawBlocks('a<script>x<y</script>b<STYLE a=1>p{}</style>c<!-- d -->e<noscript>f</noscript>g<scripts>h')).toBe('a b c e g<scripts>h');
    expect(stripRawBlocks('a<script>never closed <p>b</p>')).toBe('a ');
  });

  it('measures nesting from the tags alone', () => {
    expect(markupDepth('<html><body><div><p>a<p>b<br><img src=x><div/></div></body></html>')).toBe(3);
    expect(markupDepth('<div>'.repeat(50))).toBe(50);
    expect(markupDepth('<div')).toBe(0);
  });

  it('turns a fragment into text, decoding entities', () => {
    expect(fragmentText('<p>AT&amp;T &lt;3 &#8220;quoted&#8221;</p><ul><li>one</li><li>two</li></ul>').text).toBe('AT&T <3 \u201cquoted\u201d\n\none\n\ntwo');
    expect(fragmentText('').text).toBe('');
  });
});

/** Windows-1251 for the Cyrillic letters used above (А–я, Ё/ё), ASCII as is. */
function encode1251(s: string): Buffer {
  return Buffer.from([...s].map((c) => {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) return cp;
    if (cp >= 0x410 && cp <= 0x44f) return cp - 0x410 + 0xc0;
    if (cp === 0x401) return 0xa8;
    if (cp === 0x451) return 0xb8;
    return 0x3f;
  }));
}
