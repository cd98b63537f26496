// name: place-events
// description: Where things happen: places (and states) where events occurred, with the kinds of events and their dates
// param: label enum(any|Place|State|Institution) = any : restrict to places of one label
// param: limit int = 25 : how many rows
// columns: place, label, events, types, firstDate, lastDate, articles
// graph: MATCH p = (x:Entity)-[:ACTOR_IN]->(ev:Event)-[:OCCURRED_IN]->(pl:Entity)
// graph: WHERE $label = 'any' OR $label IN labels(pl)
// graph: RETURN p LIMIT toInteger($limit)
MATCH (ev:Event)-[:OCCURRED_IN]->(p:Entity)
WHERE $label = 'any' OR $label IN labels(p)
WITH p, ev ORDER BY ev.type
WITH p, count(DISTINCT ev) AS events, collect(DISTINCT ev.type) AS types, min(ev.date) AS firstDate, max(ev.date) AS lastDate,
     COUNT { MATCH (e2:Event)-[:OCCURRED_IN]->(p) MATCH (e2)-[:REPORTED_IN]->(a:Article) RETURN DISTINCT a } AS articles
RETURN p.name AS place, [l IN labels(p) WHERE l <> 'Entity'][0] AS label, events,
       reduce(s = '', t IN types | s + CASE WHEN s = '' THEN '' ELSE ', ' END + t) AS types, firstDate, lastDate, articles
ORDER BY events DESC, articles DESC, place
LIMIT toInteger($limit)
