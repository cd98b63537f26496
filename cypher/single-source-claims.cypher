// name: single-source-claims
// description: Single-source claims: relations and events that only one article supports, to check before relying on them
// param: kind enum(any|relation|event) = any : which facts
// param: limit int = 100 : how many rows
// columns: kind, fact, date, source, article, quote
// graph: MATCH (s:Entity)-[r]->(t:Entity)
// graph: WHERE $kind IN ['any', 'relation'] AND r.quotes IS NOT NULL AND size(r.articleIds) = 1
// graph: RETURN s, r, t LIMIT toInteger($limit)
// graph: UNION
// graph: MATCH (ev:Event)-[:REPORTED_IN]->(art:Article)
// graph: WHERE $kind IN ['any', 'event'] AND COUNT { (ev)-[:REPORTED_IN]->() } = 1
// graph: MATCH (s:Entity)-[r:ACTOR_IN|RECIPIENT_OF]->(ev)
// graph: RETURN s, r, ev AS t LIMIT toInteger($limit)
CALL () {
  MATCH (s:Entity)-[r]->(t:Entity)
  WHERE $kind IN ['any', 'relation'] AND r.quotes IS NOT NULL AND size(r.articleIds) = 1
  MATCH (art:Article {id: r.articleIds[0]})
  CALL (r) {
    UNWIND range(0, size(r.quotes) - 1) AS i
    RETURN r.quotes[i] AS quote ORDER BY r.starts[i] LIMIT 1
  }
  RETURN 'relation' AS kind,
         s.name + ' -' + type(r) + '-> ' + t.name + CASE WHEN coalesce(r.title, '') = '' THEN '' ELSE ' (' + r.title + ')' END AS fact,
         r.firstSeen AS date, art, quote
  UNION ALL
  MATCH (ev:Event)
  WHERE $kind IN ['any', 'event'] AND COUNT { (ev)-[:REPORTED_IN]->(:Article) } = 1
  MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
  WITH ev, rep, art,
       COLLECT { MATCH (x)-[:ACTOR_IN]->(ev) RETURN x.name ORDER BY x.name } AS actors,
       COLLECT { MATCH (x)-[:RECIPIENT_OF]->(ev) RETURN x.name ORDER BY x.name } AS recipients
  RETURN 'event' AS kind,
         coalesce(reduce(s = null, n IN actors | coalesce(s + ', ', '') + n), '?') + ' -' + ev.type + '-> ' +
         coalesce(reduce(s = null, n IN recipients | coalesce(s + ', ', '') + n), '?') AS fact,
         coalesce(ev.date, substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10)) AS date, art, rep.quote AS quote
}
RETURN kind, fact, date, art.source AS source, coalesce(art.title, art.id) AS article, quote
ORDER BY kind, date, fact
LIMIT toInteger($limit)
