// name: who-did-what
// description: Who did what to whom between two actors (either direction), as a timeline with the reporting sentence
// param: a string = "" : one side (name, alias or id, case-insensitive); empty for anyone
// param: b string = "" : the other side (name, alias or id, case-insensitive); empty for anyone
// param: from date = 1900-01-01 : events on or after this date (undated events count at their first report)
// param: to date = 2999-12-31 : events on or before this date
// param: limit int = 50 : how many rows
// columns: date, precision, actor, type, mode, recipient, modality, quote, articles
// graph: MATCH p = (x:Entity)-[:ACTOR_IN]->(ev:Event)<-[:RECIPIENT_OF]-(y:Entity)
// graph: WITH p, ev,
// graph:      ($a = '' OR x.id = $a OR toLower(x.name) = toLower($a) OR any(s IN x.aliases WHERE toLower(s) = toLower($a))) AS xa,
// graph:      ($b = '' OR x.id = $b OR toLower(x.name) = toLower($b) OR any(s IN x.aliases WHERE toLower(s) = toLower($b))) AS xb,
// graph:      ($a = '' OR y.id = $a OR toLower(y.name) = toLower($a) OR any(s IN y.aliases WHERE toLower(s) = toLower($a))) AS ya,
// graph:      ($b = '' OR y.id = $b OR toLower(y.name) = toLower($b) OR any(s IN y.aliases WHERE toLower(s) = toLower($b))) AS yb
// graph: WHERE (xa AND yb) OR (xb AND ya)
// graph: RETURN p ORDER BY ev.date LIMIT toInteger($limit)
MATCH (x:Entity)-[:ACTOR_IN]->(ev:Event)<-[:RECIPIENT_OF]-(y:Entity)
WHERE x <> y
WITH x, y, ev,
     ($a = '' OR x.id = $a OR toLower(x.name) = toLower($a) OR any(s IN x.aliases WHERE toLower(s) = toLower($a))) AS xa,
     ($b = '' OR x.id = $b OR toLower(x.name) = toLower($b) OR any(s IN x.aliases WHERE toLower(s) = toLower($b))) AS xb,
     ($a = '' OR y.id = $a OR toLower(y.name) = toLower($a) OR any(s IN y.aliases WHERE toLower(s) = toLower($a))) AS ya,
     ($b = '' OR y.id = $b OR toLower(y.name) = toLower($b) OR any(s IN y.aliases WHERE toLower(s) = toLower($b))) AS yb
WHERE (xa AND yb) OR (xb AND ya)
CALL (ev) {
  MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
  RETURN rep.quote AS quote, substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10) AS published
  ORDER BY published, art.id LIMIT 1
}
WITH x, y, ev, quote, coalesce(ev.date, published) AS date
WHERE substring(date, 0, size($from)) >= substring($from, 0, size(date)) AND substring(date, 0, size($to)) <= substring($to, 0, size(date))
RETURN date, coalesce(ev.datePrecision, 'published') AS precision, x.name AS actor, ev.type AS type, ev.mode AS mode,
       y.name AS recipient, ev.modality AS modality, quote, COUNT { (ev)-[:REPORTED_IN]->(:Article) } AS articles
ORDER BY date, actor, type, recipient
LIMIT toInteger($limit)
