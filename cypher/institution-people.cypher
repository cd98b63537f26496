// name: institution-people
// description: The people holding positions in an institution (or a state), including its parts, with title, dates and evidence
// param: name string = "" : the institution or state (name, alias or id, case-insensitive); empty for the institution with the most position holders
// param: limit int = 100 : how many rows
// columns: institution, person, title, via, firstSeen, lastSeen, articles, quote
// graph: MATCH (i:Entity)
// graph: WHERE i:Institution OR i:State
// graph: WITH i, $name <> '' AND (i.id = $name OR toLower(i.name) = toLower($name) OR any(x IN i.aliases WHERE toLower(x) = toLower($name))) AS named
// graph: WHERE named OR ($name = '' AND i:Institution)
// graph: WITH i ORDER BY COUNT { MATCH (p:Person)-[:HOLDS_POSITION]->(:Entity)-[:PART_OF*0..3]->(i) RETURN DISTINCT p } DESC, i.name, i.id
// graph: WITH collect(i) AS candidates
// graph: UNWIND CASE WHEN $name = '' THEN candidates[0..1] ELSE candidates END AS i
// graph: MATCH p = (:Person)-[:HOLDS_POSITION]->(:Entity)-[:PART_OF*0..3]->(i)
// graph: RETURN p LIMIT toInteger($limit)
MATCH (i:Entity)
WHERE i:Institution OR i:State
WITH i, $name <> '' AND (i.id = $name OR toLower(i.name) = toLower($name) OR any(x IN i.aliases WHERE toLower(x) = toLower($name))) AS named
WHERE named OR ($name = '' AND i:Institution)
WITH i ORDER BY COUNT { MATCH (p:Person)-[:HOLDS_POSITION]->(:Entity)-[:PART_OF*0..3]->(i) RETURN DISTINCT p } DESC, i.name, i.id
WITH collect(i) AS candidates
UNWIND CASE WHEN $name = '' THEN candidates[0..1] ELSE candidates END AS i
MATCH (p:Person)-[h:HOLDS_POSITION]->(j:Entity)-[:PART_OF*0..3]->(i)
WITH DISTINCT i, p, h, j
CALL (h) {
  UNWIND range(0, size(h.quotes) - 1) AS k
  OPTIONAL MATCH (art:Article {id: h.evidenceArticleIds[k]})
  RETURN h.quotes[k] AS quote ORDER BY art.publishedAt, art.id, h.starts[k] LIMIT 1
}
RETURN i.name AS institution, p.name AS person, h.title AS title, CASE WHEN j = i THEN '' ELSE j.name END AS via,
       h.firstSeen AS firstSeen, h.lastSeen AS lastSeen, size(h.articleIds) AS articles, quote
ORDER BY institution, person, title
LIMIT toInteger($limit)
