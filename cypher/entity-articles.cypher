// name: entity-articles
// description: The articles that mention an entity, newest first, with how often and under which names
// param: name string = "" : the entity (name, alias or id, case-insensitive); empty for the most mentioned entity
// param: limit int = 50 : how many rows
// columns: entity, published, title, source, mentions, forms, url
// graph: CALL () {
// graph:   MATCH (e:Entity)
// graph:   WHERE $name <> '' AND (e.id = $name OR toLower(e.name) = toLower($name) OR any(x IN e.aliases WHERE toLower(x) = toLower($name)))
// graph:   RETURN e
// graph:   UNION
// graph:   MATCH (e:Entity) WHERE $name = ''
// graph:   WITH e ORDER BY COUNT { (:Article)-[:MENTIONS]->(e) } DESC, e.name, e.id LIMIT 1
// graph:   RETURN e
// graph: }
// graph: MATCH p = (e)<-[:MENTIONS]-(:Article)
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
MATCH (art:Article)-[m:MENTIONS]->(e)
RETURN e.name AS entity, substring(coalesce(art.publishedAt, art.ingestedAt), 0, 10) AS published, coalesce(art.title, art.id) AS title,
       art.source AS source, m.count AS mentions, reduce(s = '', x IN m.aliases | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS forms,
       art.url AS url
ORDER BY published DESC, title, entity
LIMIT toInteger($limit)
