// name: event-timeline
// description: Events in date order, filtered by type, participant, modality and dates, with the sentence that first reports each
// param: type enum(any|AGREE|CONSULT|SUPPORT|COOPERATE|AID|CONCEDE|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT|ELECTION|PERSONNEL|LEGISLATE) = any : event type
// param: actor string = "" : part of an actor's or recipient's name (case-insensitive); empty for all
// param: modality enum(any|asserted|future|hypothetical|negated|reported) = any : how the article presents the event
// param: from date = 1900-01-01 : events on or after this date (undated events count at their first report)
// param: to date = 2999-12-31 : events on or before this date
// param: limit int = 50 : how many rows
// columns: date, precision, type, mode, modality, actors, recipients, place, quote, articles
// graph: MATCH (ev:Event)
// graph: WHERE ($type = 'any' OR ev.type = $type) AND ($modality = 'any' OR ev.modality = $modality)
// graph:   AND ($actor = '' OR EXISTS { MATCH (x:Entity)-[:ACTOR_IN|RECIPIENT_OF]->(ev) WHERE toLower(x.name) CONTAINS toLower($actor) })
// graph: WITH ev ORDER BY ev.date LIMIT toInteger($limit)
// graph: MATCH p = (ev)-[:ACTOR_IN|RECIPIENT_OF|OCCURRED_IN|REPORTED_IN]-()
// graph: RETURN p
MATCH (ev:Event)
WHERE ($type = 'any' OR ev.type = $type) AND ($modality = 'any' OR ev.modality = $modality)
CALL (ev) {
  MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
  RETURN rep.quote AS quote, substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10) AS published
  ORDER BY published, art.id LIMIT 1
}
WITH ev, quote, coalesce(ev.date, published) AS date,
     COLLECT { MATCH (x)-[:ACTOR_IN]->(ev) RETURN x.name ORDER BY x.name } AS actors,
     COLLECT { MATCH (x)-[:RECIPIENT_OF]->(ev) RETURN x.name ORDER BY x.name } AS recipients
WHERE substring(date, 0, size($from)) >= substring($from, 0, size(date)) AND substring(date, 0, size($to)) <= substring($to, 0, size(date))
  AND ($actor = '' OR any(n IN actors + recipients WHERE toLower(n) CONTAINS toLower($actor)))
RETURN date, coalesce(ev.datePrecision, 'published') AS precision, ev.type AS type, ev.mode AS mode, ev.modality AS modality,
       actors, recipients, COLLECT { MATCH (ev)-[:OCCURRED_IN]->(p) RETURN p.name }[0] AS place, quote,
       COUNT { (ev)-[:REPORTED_IN]->(:Article) } AS articles
ORDER BY date, type, quote
LIMIT toInteger($limit)
