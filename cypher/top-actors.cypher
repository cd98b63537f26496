// name: top-actors
// description: Top actors by the number of articles that mention them, by label and publication date range
// param: label enum(any|Person|State|Institution|Place) = any : restrict to one label
// param: from date = 1900-01-01 : articles published on or after this date
// param: to date = 2999-12-31 : articles published on or before this date
// param: limit int = 15 : how many rows
// columns: name, label, articles, mentions, id
// graph: MATCH (a:Article)-[m:MENTIONS]->(e:Entity) WHERE $label = 'any' OR $label IN labels(e)
// graph: WITH e, count(DISTINCT a) AS articles ORDER BY articles DESC, e.name LIMIT toInteger($limit)
// graph: RETURN e
MATCH (a:Article)-[m:MENTIONS]->(e:Entity)
WHERE ($label = 'any' OR $label IN labels(e))
WITH e, m, a, substring(coalesce(a.publishedAt, a.ingestedAt), 0, 10) AS published
WHERE substring(published, 0, size($from)) >= substring($from, 0, size(published)) AND substring(published, 0, size($to)) <= substring($to, 0, size(published))
WITH e, count(DISTINCT a) AS articles, sum(m.count) AS mentions
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, articles, mentions, e.id AS id
ORDER BY articles DESC, mentions DESC, name, id
LIMIT toInteger($limit)
