// name: event-timeline
// description: Events in date order, filtered by type, actor name and dates, with the sentence that reports each
// param: type string = any : event type (THREATEN, CONSULT, …) or any
// param: actor string = "" : part of an actor's name (case-insensitive); empty for all
// param: from date = 1900-01-01 : events on or after this date
// param: to date = 2999-12-31 : events on or before this date
// param: limit int = 50 : how many rows
// columns: date, type, mode, modality, actors, recipients, quote, article
MATCH (ev:Event)-[rep:REPORTED_IN]->(art:Article)
WHERE ($type = 'any' OR ev.type = $type)
  AND coalesce(ev.date, art.publishedAt, '') >= $from AND coalesce(ev.date, art.publishedAt, '') <= $to
OPTIONAL MATCH (actor)-[:ACTOR_IN]->(ev)
OPTIONAL MATCH (recipient)-[:RECIPIENT_OF]->(ev)
WITH ev, rep, art, collect(DISTINCT actor.name) AS actors, collect(DISTINCT recipient.name) AS recipients
WHERE $actor = '' OR any(n IN actors WHERE toLower(n) CONTAINS toLower($actor))
RETURN coalesce(ev.date, art.publishedAt) AS date, ev.type AS type, ev.mode AS mode, ev.modality AS modality,
       actors, recipients, rep.quote AS quote, coalesce(art.title, art.id) AS article
ORDER BY date, type, quote
LIMIT $limit
