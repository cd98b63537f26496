// name: actor-profile
// description: One entity's relations and events, each with the sentence that supports it
// param: name string : the entity's name or one of its aliases (case-insensitive)
// param: limit int = 100 : how many rows
// columns: entity, direction, relation, other, detail, quote, articles
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR any(a IN e.aliases WHERE toLower(a) = toLower($name))
CALL (e) {
  MATCH (e)-[r]->(o:Entity)
  WHERE r.quotes IS NOT NULL
  RETURN 'out' AS direction, type(r) AS relation, o.name AS other, coalesce(r.title, '') AS detail, r.quotes[0] AS quote, r.articleIds AS articles
  UNION ALL
  MATCH (e)<-[r]-(o:Entity)
  WHERE r.quotes IS NOT NULL
  RETURN 'in' AS direction, type(r) AS relation, o.name AS other, coalesce(r.title, '') AS detail, r.quotes[0] AS quote, r.articleIds AS articles
  UNION ALL
  MATCH (e)-[role:ACTOR_IN|RECIPIENT_OF]->(ev:Event)-[rep:REPORTED_IN]->(art:Article)
  RETURN CASE type(role) WHEN 'ACTOR_IN' THEN 'actor' ELSE 'recipient' END AS direction, ev.type AS relation,
         coalesce(ev.date, '') AS other, ev.modality AS detail, rep.quote AS quote, [art.id] AS articles
}
RETURN e.name AS entity, direction, relation, other, detail, quote, size(articles) AS articles
ORDER BY direction, relation, other
LIMIT $limit
