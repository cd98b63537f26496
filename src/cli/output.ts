/**
 * Output formats shared by every command: aligned tables for people, JSON and CSV for pipes, and a
 * progress bar on a TTY (stderr, so stdout stays clean).
 */

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | boolean | null | undefined | unknown;

export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function table(rows: Record<string, Cell>[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (cols.length === 0) return '(no rows)\n';
  const body = rows.map((r) => cols.map((c) => cellText(r[c]).replace(/\s+/g, ' ')));
  const widths = cols.map((c, i) => Math.min(80, Math.max(c.length, ...body.map((b) => b[i].length))));
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const line = (cells: string[]) => cells.map((s, i) => fit(s, widths[i])).join('  ').trimEnd();
  const out = [line(cols), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  if (rows.length === 0) out.push('(no rows)');
  return out.join('\n') + '\n';
}

export function csv(rows: Record<string, Cell>[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const esc = (v: Cell) => {
    const s = cellText(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.map(esc).join(','), ...rows.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n') + '\n';
}

export function render(format: Format, rows: Record<string, Cell>[], columns?: string[]): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'csv') return csv(rows, columns);
  return table(rows, columns);
}

/** A one-line progress bar with rate and ETA, redrawn at most 10 times a second; silent off a TTY. */
export class Progress {
  private done = 0;
  private last = 0;
  private readonly started = Date.now();

  constructor(private total: number | null, private readonly stream: NodeJS.WriteStream = process.stderr, private readonly label = 'articles') {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY) && !process.env.CI;
  }

  setTotal(total: number): void {
    this.total = total;
  }

  tick(n = 1, note = ''): void {
    this.done += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done !== this.total) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / secs;
    const total = this.total ?? 0;
    const width = 28;
    const frac = total > 0 ? Math.min(1, this.done / total) : 0;
    const bar = total > 0 ? '█'.repeat(Math.round(frac * width)).padEnd(width, '░') : '';
    const eta = total > 0 && rate > 0 ? ` ETA ${formatSeconds((total - this.done) / rate)}` : '';
    const count = total > 0 ? `${this.done}/${total}` : `${this.done}`;
    this.stream.write(`\r${bar} ${count} ${this.label} ${rate.toFixed(1)}/s${eta} ${note}`.slice(0, (this.stream.columns ?? 100) - 1).padEnd(20) + '\x1b[K');
  }

  finish(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
