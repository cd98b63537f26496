// name: shortest-paths
// description: The shortest paths between two entities through relations and events (optionally also through articles that mention both)
// param: from string = "" : one entity (name, alias or id, case-insensitive); empty for the most mentioned entity
// param: to string = "" : the other entity; empty for the most mentioned entity after the first
// param: via enum(facts|all) = facts : facts follows relations and events only; all also goes through articles (MENTIONS, REPORTED_IN)
// param: limit int = 10 : how many paths
// columns: from, to, hops, path
// graph: CALL () {
// graph:   MATCH (e:Entity) WHERE $from <> '' AND (e.id = $from OR toLower(e.name) = toLower($from) OR any(x IN e.aliases WHERE toLower(x) = toLower($from)))
// graph:   RETURN e AS a
// graph:   UNION
// graph:   MATCH (e:Entity) WHERE $from = ''
// graph:   WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
// graph:   RETURN e AS a
// graph: }
// graph: CALL (a) {
// graph:   MATCH (e:Entity) WHERE $to <> '' AND e <> a AND (e.id = $to OR toLower(e.name) = toLower($to) OR any(x IN e.aliases WHERE toLower(x) = toLower($to)))
// graph:   RETURN e AS b
// graph:   UNION
// graph:   MATCH (e:Entity) WHERE $to = '' AND e <> a
// graph:   WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
// graph:   RETURN e AS b
// graph: }
// graph: MATCH p = allShortestPaths((a)-[*..8]-(b))
// graph: WHERE all(r IN relationships(p) WHERE $via = 'all' OR NOT type(r) IN ['MENTIONS', 'REPORTED_IN'])
// graph: RETURN p LIMIT toInteger($limit)
CALL () {
  MATCH (e:Entity)
  WHERE $from <> '' AND (e.id = $from OR toLower(e.name) = toLower($from) OR any(x IN e.aliases WHERE toLower(x) = toLower($from)))
  RETURN e AS a
  UNION
  MATCH (e:Entity)
  WHERE $from = ''
  WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
  RETURN e AS a
}
CALL (a) {
  MATCH (e:Entity)
  WHERE $to <> '' AND e <> a AND (e.id = $to OR toLower(e.name) = toLower($to) OR any(x IN e.aliases WHERE toLower(x) = toLower($to)))
  RETURN e AS b
  UNION
  MATCH (e:Entity)
  WHERE $to = '' AND e <> a
  WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
  RETURN e AS b
}
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(p) WHERE $via = 'all' OR NOT type(r) IN ['MENTIONS', 'REPORTED_IN'])
WITH a, b, p, nodes(p) AS ns, relationships(p) AS rs
WITH a, b, p, [n IN ns | CASE WHEN n:Event THEN n.type + ' ' + coalesce(n.date, '(undated)')
                              WHEN n:Article THEN '"' + coalesce(n.title, n.id) + '"' ELSE n.name END] AS names, ns, rs
RETURN a.name AS from, b.name AS to, length(p) AS hops,
       reduce(s = names[0], i IN range(0, size(rs) - 1) |
         s + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -' + type(rs[i]) + '-> ' ELSE ' <-' + type(rs[i]) + '- ' END + names[i + 1]) AS path
ORDER BY from, to, hops, path
LIMIT toInteger($limit)
