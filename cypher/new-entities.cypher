// name: new-entities
// description: Entities new since a date: first mentioned in an article published (or first written by newsgraph) on or after it
// param: since date = 1900-01-01 : first seen on or after this date
// param: by enum(published|ingested) = published : published dates by the earliest article that mentions the entity; ingested by when newsgraph first wrote it
// param: label enum(any|Person|State|Institution|Place) = any : restrict to one label
// param: limit int = 50 : how many rows
// columns: name, label, firstSeen, articles, id
// graph: MATCH (e:Entity)<-[:MENTIONS]-(art:Article)
// graph: WHERE $label = 'any' OR $label IN labels(e)
// graph: WITH e, min(substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10)) AS published
// graph: WITH e, CASE $by WHEN 'ingested' THEN substring(e.firstSeen, 0, 10) ELSE published END AS first
// graph: WHERE substring(first, 0, size($since)) >= $since
// graph: RETURN e ORDER BY first DESC LIMIT toInteger($limit)
MATCH (e:Entity)
WHERE $label = 'any' OR $label IN labels(e)
CALL (e) {
  MATCH (art:Article)-[:MENTIONS]->(e)
  RETURN min(substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10)) AS published, count(art) AS articles
}
WITH e, articles, CASE $by WHEN 'ingested' THEN substring(e.firstSeen, 0, 10) ELSE published END AS first
WHERE substring(first, 0, size($since)) >= $since
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, first AS firstSeen, articles, e.id AS id
ORDER BY firstSeen DESC, articles DESC, name, id
LIMIT toInteger($limit)
