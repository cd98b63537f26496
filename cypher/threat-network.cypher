// name: threat-network
// description: Who threatens whom: THREATEN events per actor and recipient, strongest first (a side the articles leave unnamed is empty)
// param: modality enum(factual|all) = factual : factual counts asserted and reported threats; all adds future, hypothetical and negated ones
// param: limit int = 25 : how many rows
// columns: actor, recipient, events, firstDate, lastDate, articles
// graph: MATCH (ev:Event {type: 'THREATEN'})
// graph: WHERE $modality = 'all' OR ev.modality IN ['asserted', 'reported']
// graph: MATCH p = (:Entity)-[:ACTOR_IN|RECIPIENT_OF]->(ev)
// graph: RETURN p LIMIT toInteger($limit)
MATCH (ev:Event {type: 'THREATEN'})
WHERE $modality = 'all' OR ev.modality IN ['asserted', 'reported']
OPTIONAL MATCH (a:Entity)-[:ACTOR_IN]->(ev)
OPTIONAL MATCH (b:Entity)-[:RECIPIENT_OF]->(ev)
WITH ev, a, b
WHERE (a IS NOT NULL OR b IS NOT NULL) AND (a IS NULL OR b IS NULL OR a <> b)
OPTIONAL MATCH (ev)-[:REPORTED_IN]->(art:Article)
WITH a, b, count(DISTINCT ev) AS events, min(ev.date) AS firstDate, max(ev.date) AS lastDate, count(DISTINCT art) AS articles
RETURN a.name AS actor, b.name AS recipient, events, firstDate, lastDate, articles
ORDER BY events DESC, articles DESC, actor, recipient
LIMIT toInteger($limit)
