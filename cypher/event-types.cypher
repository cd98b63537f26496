// name: event-types
// description: The mix of events: how many of each type, with its cooperation/conflict score, how they are presented, and when
// param: from date = 1900-01-01 : events on or after this date (undated events count at their first report)
// param: to date = 2999-12-31 : events on or before this date
// columns: type, score, events, asserted, reported, other, firstDate, lastDate, articles
// graph: MATCH (ev:Event)
// graph: WITH ev, coalesce(ev.date, COLLECT { MATCH (ev)-[:REPORTED_IN]->(a:Article) RETURN substring(coalesce(a.publishedAt, a.ingestedAt), 0, 10) AS d ORDER BY d }[0]) AS date
// graph: WHERE substring(date, 0, size($from)) >= substring($from, 0, size(date)) AND substring(date, 0, size($to)) <= substring($to, 0, size(date))
// graph: RETURN ev LIMIT 300
// The scores are EVENT_TYPES[type].score from src/model/ontology.ts (a test checks that they match).
WITH {AGREE: 4, CONSULT: 2, SUPPORT: 3, COOPERATE: 5, AID: 6, CONCEDE: 4, RETREAT: 3, REQUEST: -1, ACCUSE: -3, REJECT: -4, THREATEN: -6, PROTEST: -5, SANCTION: -7, MOBILIZE: -6, COERCE: -7, ASSAULT: -10, ELECTION: 0, PERSONNEL: 0, LEGISLATE: 0} AS score
MATCH (ev:Event)
CALL (ev) {
  MATCH (ev)-[:REPORTED_IN]->(art:Article)
  RETURN min(substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10)) AS published, collect(art.id) AS articleIds
}
WITH score, ev, articleIds, coalesce(ev.date, published) AS date
WHERE substring(date, 0, size($from)) >= substring($from, 0, size(date)) AND substring(date, 0, size($to)) <= substring($to, 0, size(date))
WITH score, ev.type AS type, count(ev) AS events,
     count(CASE WHEN ev.modality = 'asserted' THEN 1 END) AS asserted,
     count(CASE WHEN ev.modality = 'reported' THEN 1 END) AS reported,
     min(ev.date) AS firstDate, max(ev.date) AS lastDate, collect(articleIds) AS ids
UNWIND ids AS list
UNWIND list AS aid
WITH score, type, events, asserted, reported, firstDate, lastDate, count(DISTINCT aid) AS articles
RETURN type, score[type] AS score, events, asserted, reported, events - asserted - reported AS other, firstDate, lastDate, articles
ORDER BY events DESC, type
