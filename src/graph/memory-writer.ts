import type { ExtractionResult } from '../model/extraction';
import { AGGREGATED_MODALITIES, EVENT_TYPES } from '../model/ontology';
import type { EventType, Modality } from '../model/ontology';
import { articleRows, mergeEntityRows, uniqueArticles } from './rows';
import type { ArticleRow, EntityRow, EventRow, MentionRow, PropValue, RelationRow } from './rows';
import type { ArticleOutcome, GraphStats, GraphWriter, RunRecord } from './writer';

interface StoredEntity { row: EntityRow; aliases: Set<string> }
interface StoredEvent { id: string; type: EventType; props: Record<string, PropValue>; actors: Set<string>; recipients: Set<string>; places: Set<string>; reports: Map<string, EventRow> }

/**
 * The graph in memory, with the Neo4j writer's behaviour: the same keys, skip of unchanged articles,
 * replacement of changed ones, removal of what only one article supported, and aggregates that count
 * distinct events. Serves unit tests and `--dry-run`.
 */
export class MemoryWriter implements GraphWriter {
  readonly articles = new Map<string, ArticleRow>();
  readonly entities = new Map<string, StoredEntity>();
  readonly mentions = new Map<string, MentionRow>();
  readonly relations = new Map<string, RelationRow[]>();
  readonly events = new Map<string, StoredEvent>();
  readonly runs = new Map<string, RunRecord>();

  constructor(
    private readonly extractorVersion = 'test',
    private readonly now: () => Date = () => new Date(),
    /** As the Neo4j writer's `refreshStale`: articles another extractor version wrote are replaced. */
    private readonly options: { refreshStale?: boolean } = {},
  ) {}

  /** Held, and not to be refreshed. */
  private holds(id: string): boolean {
    const a = this.articles.get(id);
    return a !== undefined && (!this.options.refreshStale || a.props.extractorVersion === this.extractorVersion);
  }

  async existingArticles(ids: readonly string[]): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.holds(id)));
  }

  async writeArticles(results: readonly ExtractionResult[]): Promise<ArticleOutcome[]> {
    const ingestedAt = this.now().toISOString();
    return uniqueArticles(results).map((result) => {
      const rows = articleRows(result, this.extractorVersion, ingestedAt);
      const id = rows.article.id;
      if (this.holds(id)) return { articleId: id, status: 'skipped' as const };
      const previous = [...this.articles.values()]
        .filter((a) => a.id === id || (a.externalId !== null && a.externalId === rows.article.externalId) || (a.url !== null && a.url === rows.article.url))
        .map((a) => a.id)
        .sort();
      for (const old of previous) this.removeById(old);
      this.articles.set(id, rows.article);
      for (const e of mergeEntityRows(rows.entities)) {
        const seen = this.entities.get(e.id);
        if (seen) e.aliases.forEach((a) => seen.aliases.add(a));
        else this.entities.set(e.id, { row: e, aliases: new Set(e.aliases) });
      }
      for (const m of rows.mentions) this.mentions.set(`${m.article}|${m.entity}`, m);
      for (const r of rows.relations) {
        const key = relationKey(r);
        this.relations.set(key, [...(this.relations.get(key) ?? []), r]);
      }
      for (const ev of rows.events) {
        const stored = this.events.get(ev.id) ?? {
          id: ev.id, type: ev.type, props: ev.props, actors: new Set<string>(), recipients: new Set<string>(), places: new Set<string>(), reports: new Map(),
        };
        ev.actors.forEach((a) => stored.actors.add(a));
        ev.recipients.forEach((a) => stored.recipients.add(a));
        if (ev.place) stored.places.add(ev.place);
        stored.reports.set(ev.article, ev);
        this.events.set(ev.id, stored);
      }
      return previous.length ? { articleId: id, status: 'updated' as const, replaced: previous } : { articleId: id, status: 'added' as const };
    });
  }

  async removeArticle(ref: string): Promise<string | null> {
    const found = [...this.articles.values()].find((a) => a.id === ref || a.id === `article:${ref}` || a.url === ref || a.externalId === ref);
    if (!found) return null;
    this.removeById(found.id);
    return found.id;
  }

  private removeById(id: string): void {
    for (const [key, ev] of this.events) {
      ev.reports.delete(id);
      if (ev.reports.size === 0) this.events.delete(key);
    }
    for (const [key, list] of this.relations) {
      const keep = list.filter((r) => r.article !== id);
      if (keep.length) this.relations.set(key, keep);
      else this.relations.delete(key);
    }
    const touched = [...this.mentions.values()].filter((m) => m.article === id).map((m) => m.entity);
    for (const entity of touched) this.mentions.delete(`${id}|${entity}`);
    for (const entity of touched) {
      const rest = [...this.mentions.values()].filter((m) => m.entity === entity);
      const stored = this.entities.get(entity);
      if (!stored) continue;
      if (rest.length === 0) {
        this.entities.delete(entity);
        this.dropRelationsOf(entity);
      } else stored.aliases = new Set([stored.row.name, ...rest.flatMap((m) => m.names)]);
    }
    this.articles.delete(id);
  }

  private dropRelationsOf(entity: string): void {
    for (const [key, list] of this.relations) if (list[0].source === entity || list[0].target === entity) this.relations.delete(key);
    for (const ev of this.events.values()) {
      ev.actors.delete(entity);
      ev.recipients.delete(entity);
      ev.places.delete(entity);
    }
  }

  async recordRun(run: RunRecord): Promise<void> {
    this.runs.set(run.id, run);
  }

  /** Aggregated actor→recipient relationships, derived from the events. */
  aggregates(): Map<string, { type: string; actor: string; recipient: string; count: number; articleIds: string[] }> {
    const out = new Map<string, { type: string; actor: string; recipient: string; count: number; articleIds: string[] }>();
    for (const ev of this.events.values()) {
      if (!AGGREGATED_MODALITIES.includes(ev.props.modality as Modality)) continue;
      for (const actor of ev.actors) for (const recipient of ev.recipients) {
        if (actor === recipient) continue;
        const type = EVENT_TYPES[ev.type].aggregate;
        const key = `${type}|${actor}|${recipient}`;
        const agg = out.get(key) ?? { type, actor, recipient, count: 0, articleIds: [] };
        agg.count += 1;
        agg.articleIds = [...new Set([...agg.articleIds, ...ev.reports.keys()])].sort();
        out.set(key, agg);
      }
    }
    return out;
  }

  async stats(): Promise<GraphStats> {
    const labels: Record<string, number> = {};
    const add = (m: Record<string, number>, k: string, n = 1) => {
      if (n > 0) m[k] = (m[k] ?? 0) + n;
    };
    add(labels, 'Article', this.articles.size);
    for (const e of this.entities.values()) {
      add(labels, e.row.label);
      add(labels, 'Entity');
    }
    add(labels, 'Event', this.events.size);
    add(labels, 'IngestRun', this.runs.size);
    const relationships: Record<string, number> = {};
    add(relationships, 'MENTIONS', this.mentions.size);
    for (const list of this.relations.values()) add(relationships, list[0].type);
    for (const ev of this.events.values()) {
      add(relationships, 'ACTOR_IN', ev.actors.size);
      add(relationships, 'RECIPIENT_OF', ev.recipients.size);
      add(relationships, 'OCCURRED_IN', ev.places.size);
      add(relationships, 'REPORTED_IN', ev.reports.size);
    }
    for (const agg of this.aggregates().values()) add(relationships, agg.type);
    return { labels: sortKeys(labels), relationships: sortKeys(relationships) };
  }

  async close(): Promise<void> {}
}

function relationKey(r: RelationRow): string {
  return [r.type, r.source, r.target, ...Object.keys(r.identity).sort().map((k) => `${k}=${r.identity[k]}`)].join('|');
}

function sortKeys(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));
}
