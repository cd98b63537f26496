// name: fact-support
// description: How many outlets support each fact: relations and events with the distinct sources (outlet, else the URL's host) of the articles behind them
// param: kind enum(any|relation|event) = any : which facts
// param: min int = 1 : at least this many outlets
// param: limit int = 100 : how many rows
// columns: kind, fact, date, outlets, sources, articles
// graph: MATCH (ev:Event)-[:REPORTED_IN]->(art:Article)
// graph: WHERE $kind IN ['any', 'event']
// graph: WITH ev, count(DISTINCT coalesce(art.source, split(split(art.url, '://')[1], '/')[0], 'unknown')) AS outlets
// graph: WHERE outlets >= $min
// graph: WITH ev ORDER BY outlets DESC LIMIT toInteger($limit)
// graph: MATCH p = (ev)-[:REPORTED_IN]->(:Article)
// graph: RETURN p
CALL () {
  MATCH (s:Entity)-[r]->(t:Entity)
  WHERE $kind IN ['any', 'relation'] AND r.quotes IS NOT NULL
  UNWIND r.articleIds AS aid
  MATCH (art:Article {id: aid})
  WITH s, r, t, art
  RETURN elementId(r) AS key, 'relation' AS kind,
         s.name + ' -' + type(r) + '-> ' + t.name + CASE WHEN coalesce(r.title, '') = '' THEN '' ELSE ' (' + r.title + ')' END AS fact,
         r.firstSeen AS date, art
  UNION ALL
  MATCH (ev:Event)-[:REPORTED_IN]->(art:Article)
  WHERE $kind IN ['any', 'event']
  WITH ev, art,
       COLLECT { MATCH (x)-[:ACTOR_IN]->(ev) RETURN x.name ORDER BY x.name } AS actors,
       COLLECT { MATCH (x)-[:RECIPIENT_OF]->(ev) RETURN x.name ORDER BY x.name } AS recipients
  RETURN ev.id AS key, 'event' AS kind,
         coalesce(reduce(s = null, n IN actors | coalesce(s + ', ', '') + n), '?') + ' -' + ev.type + '-> ' +
         coalesce(reduce(s = null, n IN recipients | coalesce(s + ', ', '') + n), '?') AS fact,
         ev.date AS date, art
}
WITH key, kind, fact, date, art, coalesce(art.source, split(split(art.url, '://')[1], '/')[0], 'unknown') AS outlet
ORDER BY outlet
WITH key, kind, fact, date, collect(DISTINCT outlet) AS sources, count(DISTINCT art) AS articles
WHERE size(sources) >= $min
RETURN kind, fact, date, size(sources) AS outlets, reduce(s = '', x IN sources | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS sources, articles
ORDER BY outlets DESC, articles DESC, kind, date, fact
LIMIT toInteger($limit)
