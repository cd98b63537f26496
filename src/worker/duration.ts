/** Durations on the command line: `500ms`, `30s`, `5m`, `1h`, `1d`, or a bare number of seconds. */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) throw new Error(`"${text}" is not a duration (examples: 500ms, 30s, 5m, 1h)`);
  const ms = Number(m[1]) * UNITS[(m[2] ?? 's').toLowerCase()];
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`"${text}" must be longer than zero`);
  return Math.round(ms);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)}s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)}m`;
  return `${+(ms / 3_600_000).toFixed(1)}h`;
}
