/**
 * Globs: `*` and `?` within a path segment, `**` across segments, `[abc]` / `[!abc]` classes and
 * `{a,b}` alternatives. Compiled to regular expressions without nested ambiguity (linear matching).
 */

export const GLOB_MAGIC = /[*?[{]/;

export function globToRegExp(pattern: string, flags = ''): RegExp {
  const segments = pattern.replace(/\\/g, '/').replace(/^\.\//, '').split('/');
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === '**') {
      if (i === 0) out += last ? '.*' : '(?:[^/]*/)*';
      else out += '(?:/[^/]*)*';
      continue;
    }
    if (i > 0 && !(i === 1 && segments[0] === '**')) out += '/';
    out += segmentRegex(seg);
  }
  return new RegExp(`^${out}$`, flags);
}

function segmentRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      const close = seg.indexOf('}', i + 1);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${seg.slice(i + 1, close).split(',').map(segmentRegex).join('|')})`;
      i = close;
    } else out += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return out;
}

/**
 * Include/exclude filters, matched case-insensitively: a pattern without `/` matches a file's name at
 * any depth (`*.html`, `drafts`); a pattern with `/` matches the path below the walked directory
 * (`2024/**\/*.xml`, `archive/**`).
 */
export class PathFilter {
  private readonly include: { re: RegExp; byName: boolean }[] | null;
  private readonly exclude: { re: RegExp; byName: boolean }[];

  constructor(include: readonly string[] | undefined, exclude: readonly string[] | undefined) {
    const compile = (p: string) => ({ re: globToRegExp(p.replace(/\/+$/, ''), 'i'), byName: !p.replace(/\/+$/, '').includes('/') });
    this.include = include && include.length ? include.map(compile) : null;
    this.exclude = (exclude ?? []).map(compile);
  }

  get hasInclude(): boolean {
    return this.include !== null;
  }

  /** `rel` is the path below the walked directory, with `/` separators. */
  excluded(rel: string): boolean {
    return this.exclude.some((p) => test(p, rel));
  }

  /** null when no include pattern was given (the caller then applies its default). */
  included(rel: string): boolean | null {
    return this.include ? this.include.some((p) => test(p, rel)) : null;
  }
}

function test(p: { re: RegExp; byName: boolean }, rel: string): boolean {
  return p.re.test(p.byName ? rel.slice(rel.lastIndexOf('/') + 1) : rel);
}
