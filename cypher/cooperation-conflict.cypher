// name: cooperation-conflict
// description: The balance of cooperation and conflict per pair of actors: each event scores by its type (the ontology's scores, + cooperation, - conflict)
// param: name string = "" : only pairs that include this entity (name, alias or id, case-insensitive); empty for all pairs
// param: modality enum(factual|all) = factual : factual counts asserted and reported events; all adds future, hypothetical and negated ones
// param: limit int = 25 : how many rows
// columns: a, b, events, cooperation, conflict, balance, types
// graph: MATCH p = (x:Entity)-[:ACTOR_IN]->(ev:Event)<-[:RECIPIENT_OF]-(y:Entity)
// graph: WHERE x <> y AND ($modality = 'all' OR ev.modality IN ['asserted', 'reported'])
// graph:   AND ($name = '' OR any(e IN [x, y] WHERE e.id = $name OR toLower(e.name) = toLower($name) OR any(s IN e.aliases WHERE toLower(s) = toLower($name))))
// graph: RETURN p LIMIT toInteger($limit)
// The scores are EVENT_TYPES[type].score from src/model/ontology.ts (a test checks that they match).
WITH {AGREE: 4, CONSULT: 2, SUPPORT: 3, COOPERATE: 5, AID: 6, CONCEDE: 4, RETREAT: 3, REQUEST: -1, ACCUSE: -3, REJECT: -4, THREATEN: -6, PROTEST: -5, SANCTION: -7, MOBILIZE: -6, COERCE: -7, ASSAULT: -10, ELECTION: 0, PERSONNEL: 0, LEGISLATE: 0} AS score
MATCH (x:Entity)-[:ACTOR_IN]->(ev:Event)<-[:RECIPIENT_OF]-(y:Entity)
WHERE x <> y AND ($modality = 'all' OR ev.modality IN ['asserted', 'reported'])
WITH score, ev, x, y, x.name < y.name OR (x.name = y.name AND x.id < y.id) AS ordered
WITH DISTINCT score, ev, CASE WHEN ordered THEN x ELSE y END AS p, CASE WHEN ordered THEN y ELSE x END AS q
WHERE $name = '' OR any(e IN [p, q] WHERE e.id = $name OR toLower(e.name) = toLower($name) OR any(s IN e.aliases WHERE toLower(s) = toLower($name)))
WITH p, q, ev.type AS type, coalesce(score[ev.type], 0) AS s, count(*) AS n
ORDER BY type
WITH p, q, sum(n) AS events, sum(CASE WHEN s > 0 THEN s * n ELSE 0 END) AS cooperation,
     sum(CASE WHEN s < 0 THEN s * n ELSE 0 END) AS conflict, collect(type + ' x' + toString(n)) AS types
RETURN p.name AS a, q.name AS b, events, cooperation, conflict, cooperation + conflict AS balance,
       reduce(t = '', x IN types | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x) AS types
ORDER BY events DESC, balance, a, b
LIMIT toInteger($limit)
