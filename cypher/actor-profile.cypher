// name: actor-profile
// description: One entity's positions, memberships, other relations and events, each with the sentence that supports it
// param: name string = "" : the entity's name, one of its aliases or its id (case-insensitive); empty for the most mentioned entity
// param: limit int = 100 : how many rows
// columns: entity, kind, direction, relation, other, detail, date, quote, articles
// graph: CALL () {
// graph:   MATCH (e:Entity)
// graph:   WHERE $name <> '' AND (e.id = $name OR toLower(e.name) = toLower($name) OR any(x IN e.aliases WHERE toLower(x) = toLower($name)))
// graph:   RETURN e
// graph:   UNION
// graph:   MATCH (e:Entity) WHERE $name = ''
// graph:   WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
// graph:   RETURN e
// graph: }
// graph: MATCH p = (e)-[r]-(o)
// graph: WHERE (o:Entity AND r.quotes IS NOT NULL) OR o:Event
// graph: RETURN p LIMIT toInteger($limit)
CALL () {
  MATCH (e:Entity)
  WHERE $name <> '' AND (e.id = $name OR toLower(e.name) = toLower($name) OR any(x IN e.aliases WHERE toLower(x) = toLower($name)))
  RETURN e
  UNION
  MATCH (e:Entity)
  WHERE $name = ''
  WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
  RETURN e
}
CALL (e) {
  MATCH (e)-[r]->(o:Entity)
  WHERE r.quotes IS NOT NULL
  CALL (r) {
    UNWIND range(0, size(r.quotes) - 1) AS i
    OPTIONAL MATCH (art:Article {id: r.evidenceArticleIds[i]})
    RETURN r.quotes[i] AS quote ORDER BY art.publishedAt, art.id, r.starts[i] LIMIT 1
  }
  RETURN type(r) AS relation, 'out' AS direction, o.name AS other, coalesce(r.title, '') AS detail, r.firstSeen AS date,
         quote, size(r.articleIds) AS articles
  UNION ALL
  MATCH (e)<-[r]-(o:Entity)
  WHERE r.quotes IS NOT NULL
  CALL (r) {
    UNWIND range(0, size(r.quotes) - 1) AS i
    OPTIONAL MATCH (art:Article {id: r.evidenceArticleIds[i]})
    RETURN r.quotes[i] AS quote ORDER BY art.publishedAt, art.id, r.starts[i] LIMIT 1
  }
  RETURN type(r) AS relation, 'in' AS direction, o.name AS other, coalesce(r.title, '') AS detail, r.firstSeen AS date,
         quote, size(r.articleIds) AS articles
  UNION ALL
  MATCH (e)-[role:ACTOR_IN|RECIPIENT_OF]->(ev:Event)
  WITH ev, CASE type(role) WHEN 'ACTOR_IN' THEN 'actor' ELSE 'recipient' END AS direction,
       CASE type(role) WHEN 'ACTOR_IN' THEN COLLECT { MATCH (x)-[:RECIPIENT_OF]->(ev) RETURN x.name ORDER BY x.name }
                                       ELSE COLLECT { MATCH (x)-[:ACTOR_IN]->(ev) RETURN x.name ORDER BY x.name } END AS others
  CALL (ev) {
    MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
    RETURN rep.quote AS quote ORDER BY art.publishedAt, art.id LIMIT 1
  }
  RETURN ev.type AS relation, direction, reduce(s = '', n IN others | s + CASE WHEN s = '' THEN '' ELSE ', ' END + n) AS other,
         ev.modality + CASE WHEN ev.mode IS NULL THEN '' ELSE ', ' + ev.mode END AS detail, ev.date AS date, quote,
         COUNT { (ev)-[:REPORTED_IN]->(:Article) } AS articles
}
WITH e, relation, direction, other, detail, date, quote, articles,
     CASE WHEN relation = 'HOLDS_POSITION' THEN 'position' WHEN relation = 'MEMBER_OF' THEN 'membership'
          WHEN direction IN ['actor', 'recipient'] THEN 'event' ELSE 'relation' END AS kind
RETURN e.name AS entity, kind, direction, relation, other, detail, date, quote, articles
ORDER BY CASE kind WHEN 'position' THEN 0 WHEN 'membership' THEN 1 WHEN 'relation' THEN 2 ELSE 3 END,
         date, relation, other, direction
LIMIT toInteger($limit)
