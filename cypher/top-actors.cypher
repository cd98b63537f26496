// name: top-actors
// description: Top actors by the number of articles that mention them, by type and publication date range
// param: label enum(any|Person|State|Institution|Place) = any : restrict to one label
// param: from date = 1900-01-01 : articles published on or after this date
// param: to date = 2999-12-31 : articles published on or before this date
// param: limit int = 15 : how many rows
// columns: name, label, articles, mentions, id
MATCH (a:Article)-[m:MENTIONS]->(e:Entity)
WHERE ($label = 'any' OR $label IN labels(e))
  AND coalesce(a.publishedAt, substring(a.ingestedAt, 0, 10)) >= $from
  AND coalesce(a.publishedAt, substring(a.ingestedAt, 0, 10)) <= $to
WITH e, count(DISTINCT a) AS articles, sum(m.count) AS mentions
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, articles, mentions, e.id AS id
ORDER BY articles DESC, mentions DESC, name
LIMIT $limit
