import { ENTITY_LABELS, ENTITY_UMBRELLA, EVENT_TYPES, NODE_LABELS, RELATION_TYPES, relationIdentity } from '../model/ontology';
import type { EntityLabel, EventType, RelationType } from '../model/ontology';

/**
 * Every Cypher statement newsgraph writes with, in one place. Labels and relationship types come from
 * the ontology tables (never from input); every user value travels as a parameter.
 */

// ---------- schema ----------

export const constraintName = (label: string): string => `${label.toLowerCase()}_id_unique`;

export const SCHEMA: readonly string[] = [
  ...NODE_LABELS.map((l) => `CREATE CONSTRAINT ${constraintName(l)} IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`),
  `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:${ENTITY_LABELS.join('|')}) ON EACH [n.name, n.aliasText]`,
  'CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url)',
  'CREATE INDEX article_external_id IF NOT EXISTS FOR (a:Article) ON (a.externalId)',
  'CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date)',
  'CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type)',
  'CREATE INDEX job_status IF NOT EXISTS FOR (j:Job) ON (j.status)',
];

// ---------- articles ----------

/**
 * Claims each article for this transaction. A concurrent writer of the same article blocks on the
 * uniqueness constraint and then sees `created = false`, so an article's facts are written once. The
 * claim mark is only needed inside the transaction and is not stored.
 */
export const MERGE_ARTICLES = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a += row.props, a.claim = $claim
WITH row, a, a.claim = $claim AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | REMOVE a.claim)
RETURN row.id AS id, created`;

/** Earlier versions of the same article (same external id or url, other text). */
export const FIND_PREVIOUS_VERSIONS = `
UNWIND $rows AS row
CALL (row) {
  MATCH (old:Article) WHERE row.externalId IS NOT NULL AND old.externalId = row.externalId AND old.id <> row.id
  RETURN old
  UNION
  MATCH (old:Article) WHERE row.url IS NOT NULL AND old.url = row.url AND old.id <> row.id
  RETURN old
}
RETURN DISTINCT row.id AS id, old.id AS previous`;

export const EXISTING_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.extractorVersion AS extractorVersion`;

/** Articles of these ids written by another extractor version (to be re-extracted with --refresh-stale). */
export const STALE_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE a.extractorVersion IS NULL OR a.extractorVersion <> $version
RETURN a.id AS id
ORDER BY id`;

export const FIND_ARTICLE = `
MATCH (a:Article)
WHERE a.id = $ref OR a.url = $ref OR a.externalId = $ref OR a.id = 'article:' + $ref
RETURN a.id AS id`;

// ---------- entities and mentions ----------

export const mergeEntities = (label: EntityLabel): string => `
UNWIND $rows AS row
MERGE (e:${ENTITY_UMBRELLA} {id: row.id})
ON CREATE SET e:${label}, e.name = row.name, e.aliases = [], e.firstSeen = $now
SET e += row.props,
    e.aliases = e.aliases + [x IN row.aliases WHERE NOT x IN e.aliases],
    e.lastSeen = $now
SET e.aliasText = reduce(s = '', x IN e.aliases | s + ' ' + x)`;

export const MERGE_MENTIONS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:${ENTITY_UMBRELLA} {id: row.entity})
CREATE (a)-[:MENTIONS {count: row.count, first: row.first, aliases: row.aliases, names: row.names}]->(e)`;

// ---------- static relations ----------

/** The sort key of stored evidence i of relationship r: the same string as evidenceKey in rows.ts. */
const EVIDENCE_KEY = (r: string, i: string): string =>
  `${r}.seenDates[${i}] + ' ' + ${r}.evidenceArticleIds[${i}] + ' ' + right('000000000' + toString(${r}.starts[${i}]), 9) + ' ' + right('000000000' + toString(${r}.ends[${i}]), 9)`;

/**
 * Adds a batch's support to static relations, one row per relation (see relationUpdates in rows.ts):
 * new articles join `articleIds` (and `count`, `firstSeen`, `lastSeen`), and the evidence lists
 * (`quotes`, `starts`, `ends`, `evidenceArticleIds`, `seenDates`, parallel) keep the $keep earliest
 * pieces of evidence of all that was ever written, whatever the order of the writes. A full list
 * remembers the key of its last piece (`evidenceCutoff`), so later evidence, the usual case, leaves
 * the lists alone without reading them. The first SET reads the relationship, so Neo4j locks it before
 * anything else is read (no lost update between concurrent writers).
 */
export function mergeRelation(type: RelationType): string {
  const identity = relationIdentity(type)
    .map((k) => `${k}: row.identity.${k}`)
    .join(', ');
  return `
UNWIND $rows AS row
MATCH (s:${ENTITY_UMBRELLA} {id: row.source})
MATCH (t:${ENTITY_UMBRELLA} {id: row.target})
MERGE (s)-[r:${type}${identity ? ` {${identity}}` : ''}]->(t)
ON CREATE SET r.articleIds = [], r.quotes = [], r.starts = [], r.ends = [], r.evidenceArticleIds = [], r.seenDates = [], r.count = 0
SET r.count = r.count
WITH r, row, [x IN row.articles WHERE NOT x IN r.articleIds] AS added
WHERE size(added) > 0
SET r.articleIds = r.articleIds + added,
    r.count = r.count + size(added),
    r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
WITH r, [e IN row.evidence WHERE e.article IN added] AS fresh
WHERE size(fresh) > 0 AND (r.evidenceCutoff IS NULL OR fresh[0].key < r.evidenceCutoff)
WITH r, COLLECT {
  UNWIND [i IN range(0, size(r.quotes) - 1) | {key: ${EVIDENCE_KEY('r', 'i')}, seen: r.seenDates[i], article: r.evidenceArticleIds[i], start: r.starts[i], end: r.ends[i], quote: r.quotes[i]}]
    + fresh AS e
  WITH e ORDER BY e.key
  LIMIT $keep
  RETURN e
} AS kept
SET r.quotes = [e IN kept | e.quote],
    r.starts = [e IN kept | e.start],
    r.ends = [e IN kept | e.end],
    r.evidenceArticleIds = [e IN kept | e.article],
    r.seenDates = [e IN kept | e.seen],
    r.evidenceCutoff = CASE WHEN size(kept) >= $keep THEN kept[size(kept) - 1].key ELSE null END`;
}

// ---------- events ----------

/**
 * Events and their links, for articles this transaction claimed (so their links are new: CREATE). An
 * event's id hashes its type, actors, recipients and date, so an event that already exists has its
 * ACTOR_IN and RECIPIENT_OF links: only the row that creates it draws them (the writer gives the later
 * rows of one event empty lists). Returns, per row, whether it created the event, and the event's
 * stored modality and date (the first report's), for the aggregates.
 */
export const MERGE_EVENTS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (ev:Event {id: row.id})
ON CREATE SET ev += row.props, ev.claim = $claim
CREATE (ev)-[:REPORTED_IN {quote: row.quote, start: row.start, end: row.end}]->(a)
WITH ev, row, ev.claim = $claim AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | REMOVE ev.claim)
WITH ev, row, created
CALL (ev, row, created) {
  WITH * WHERE created
  UNWIND row.actors AS actorId
  MATCH (x:${ENTITY_UMBRELLA} {id: actorId})
  CREATE (x)-[:ACTOR_IN]->(ev)
}
CALL (ev, row, created) {
  WITH * WHERE created
  UNWIND row.recipients AS recipientId
  MATCH (x:${ENTITY_UMBRELLA} {id: recipientId})
  CREATE (x)-[:RECIPIENT_OF]->(ev)
}
CALL (ev, row) {
  WITH ev, row WHERE row.place IS NOT NULL
  MATCH (p:${ENTITY_UMBRELLA} {id: row.place})
  MERGE (ev)-[:OCCURRED_IN]->(p)
}
RETURN row.id AS id, created, ev.modality AS modality, ev.date AS date`;

/**
 * Adds new events and reports to the aggregated relationship of one event type, one row per pair:
 * `added` distinct new events, the reporting articles, and the dates. The cost per article does not
 * grow with the graph; removal and replacement recompute with refreshAggregate.
 */
export function addToAggregate(type: EventType): string {
  const rel = EVENT_TYPES[type].aggregate;
  return `
UNWIND $rows AS row
MATCH (a:${ENTITY_UMBRELLA} {id: row.actor})
MATCH (b:${ENTITY_UMBRELLA} {id: row.recipient})
MERGE (a)-[r:${rel}]->(b)
ON CREATE SET r.count = 0, r.articleIds = []
SET r.count = r.count + row.added,
    r.articleIds = r.articleIds + [x IN row.articles WHERE NOT x IN r.articleIds],
    r.firstDate = CASE WHEN row.firstDate IS NOT NULL AND (r.firstDate IS NULL OR row.firstDate < r.firstDate) THEN row.firstDate ELSE r.firstDate END,
    r.lastDate = CASE WHEN row.lastDate IS NOT NULL AND (r.lastDate IS NULL OR row.lastDate > r.lastDate) THEN row.lastDate ELSE r.lastDate END`;
}

/**
 * Recomputes the aggregated actor→recipient relationship of one event type from the Event nodes, so it
 * stays right however events were added, reported again or removed. `count` counts distinct events,
 * not reports: one event told by ten articles counts once. Only events of AGGREGATED_MODALITIES count.
 */
export function refreshAggregate(type: EventType): string {
  const rel = EVENT_TYPES[type].aggregate;
  return `
UNWIND $pairs AS pair
MATCH (a:${ENTITY_UMBRELLA} {id: pair.actor}), (b:${ENTITY_UMBRELLA} {id: pair.recipient})
OPTIONAL MATCH (a)-[:ACTOR_IN]->(ev:Event {type: '${type}'})<-[:RECIPIENT_OF]-(b)
WHERE ev.modality IN $modalities
OPTIONAL MATCH (ev)-[:REPORTED_IN]->(art:Article)
WITH a, b, count(DISTINCT ev) AS n, min(ev.date) AS firstDate, max(ev.date) AS lastDate, collect(DISTINCT art.id) AS articleIds
CALL (a, b, n, firstDate, lastDate, articleIds) {
  WITH * WHERE n > 0
  MERGE (a)-[r:${rel}]->(b)
  SET r.count = n, r.firstDate = firstDate, r.lastDate = lastDate, r.articleIds = articleIds
}
CALL (a, b, n) {
  WITH * WHERE n = 0
  MATCH (a)-[r:${rel}]->(b)
  DELETE r
}`;
}

// ---------- removal ----------

/** Pairs of the events an article reports, for refreshing aggregates after it goes. */
export const ARTICLE_EVENT_PAIRS = `
MATCH (ev:Event)-[:REPORTED_IN]->(:Article {id: $id})
MATCH (a)-[:ACTOR_IN]->(ev)<-[:RECIPIENT_OF]-(b)
RETURN DISTINCT ev.type AS type, a.id AS actor, b.id AS recipient`;

/** Drops the article's report of each event, and events no other article reports. */
export const REMOVE_ARTICLE_EVENTS = `
MATCH (ev:Event)-[rep:REPORTED_IN]->(:Article {id: $id})
DELETE rep
WITH DISTINCT ev
WHERE NOT (ev)-[:REPORTED_IN]->()
DETACH DELETE ev`;

/**
 * Takes the article out of static relations: out of `articleIds` and the kept evidence, with `count`,
 * `firstSeen` and `lastSeen` recomputed from the articles that remain; a relation only it supported
 * goes. Evidence of other articles that the cap had left out does not come back.
 */
export const REMOVE_ARTICLE_RELATION_EVIDENCE = `
MATCH (:Article {id: $id})-[:MENTIONS]->(e:${ENTITY_UMBRELLA})-[r]->(:${ENTITY_UMBRELLA})
WHERE type(r) IN $types AND $id IN r.articleIds
WITH DISTINCT r
SET r.articleIds = [x IN r.articleIds WHERE x <> $id]
WITH r, [i IN range(0, size(r.evidenceArticleIds) - 1) WHERE r.evidenceArticleIds[i] <> $id] AS keep,
     size(r.evidenceArticleIds) AS held,
     COLLECT {
       MATCH (art:Article) WHERE art.id IN r.articleIds
       RETURN coalesce(art.publishedAt, substring(art.ingestedAt, 0, 10))
     } AS seen
SET r.evidenceCutoff = CASE WHEN size(keep) = held THEN r.evidenceCutoff ELSE null END,
    r.evidenceArticleIds = [i IN keep | r.evidenceArticleIds[i]],
    r.quotes = [i IN keep | r.quotes[i]],
    r.starts = [i IN keep | r.starts[i]],
    r.ends = [i IN keep | r.ends[i]],
    r.seenDates = [i IN keep | r.seenDates[i]],
    r.count = size(r.articleIds),
    r.firstSeen = reduce(m = null, d IN seen | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.lastSeen = reduce(m = null, d IN seen | CASE WHEN m IS NULL OR d > m THEN d ELSE m END)
WITH r WHERE size(r.articleIds) = 0
DELETE r`;

/**
 * Removes the article's mentions; an entity that no other article mentions goes with it, the others get
 * back the aliases (`names`) the remaining articles gave them. Mentions written before `names` existed
 * fall back to their surface forms.
 */
export const REMOVE_ARTICLE_MENTIONS = `
MATCH (a:Article {id: $id})-[m:MENTIONS]->(e:${ENTITY_UMBRELLA})
DELETE m
WITH DISTINCT e
OPTIONAL MATCH (:Article)-[rest:MENTIONS]->(e)
WITH e, collect(coalesce(rest.names, rest.aliases)) AS lists
CALL (e, lists) {
  WITH * WHERE size(lists) = 0
  DETACH DELETE e
}
CALL (e, lists) {
  WITH * WHERE size(lists) > 0
  WITH e, reduce(acc = [], l IN lists | acc + [x IN l WHERE NOT x IN acc]) AS aliases
  SET e.aliases = CASE WHEN e.name IN aliases THEN aliases ELSE [e.name] + aliases END
  SET e.aliasText = reduce(s = '', x IN e.aliases | s + ' ' + x)
}`;

export const DELETE_ARTICLE = `MATCH (a:Article {id: $id}) DETACH DELETE a`;

// ---------- run ledger ----------

export const MERGE_RUN = `
MERGE (r:IngestRun {id: $id})
SET r += $props`;

// ---------- stats ----------

const quoteName = (name: string): string => '`' + name.replace(/`/g, '``') + '`';

/** Counts from the count store: one cheap query per label or type that the database reports. */
export const countLabel = (label: string): string => `MATCH (n:${quoteName(label)}) RETURN count(n) AS count`;
export const countRelType = (type: string): string => `MATCH ()-[r:${quoteName(type)}]->() RETURN count(r) AS count`;
export const LIST_LABELS = 'CALL db.labels() YIELD label RETURN label ORDER BY label';
export const LIST_REL_TYPES = 'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type ORDER BY type';

export const STATIC_RELATION_TYPES: string[] = Object.keys(RELATION_TYPES);
