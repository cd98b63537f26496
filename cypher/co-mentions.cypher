// name: co-mentions
// description: The co-mention network: pairs of entities that the same articles mention, most shared articles first
// param: name string = "" : only pairs with this entity (name, alias or id, case-insensitive); empty for all pairs
// param: label enum(any|Person|State|Institution|Place) = any : the label of the other entity (of both, when name is empty)
// param: min int = 2 : at least this many articles mention both
// param: limit int = 25 : how many rows
// columns: a, aLabel, b, bLabel, articles
// graph: MATCH (x:Entity)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(y:Entity)
// graph: WHERE (x.name < y.name OR (x.name = y.name AND x.id < y.id)) AND ($label = 'any' OR ($label IN labels(x) AND $label IN labels(y)))
// graph:   AND ($name = '' OR any(e IN [x, y] WHERE e.id = $name OR toLower(e.name) = toLower($name) OR any(s IN e.aliases WHERE toLower(s) = toLower($name))))
// graph: WITH x, y, collect(art) AS arts WHERE size(arts) >= $min
// graph: WITH x, y, arts ORDER BY size(arts) DESC LIMIT toInteger($limit)
// graph: UNWIND arts AS art
// graph: MATCH p = (x)<-[:MENTIONS]-(art)-[:MENTIONS]->(y)
// graph: RETURN p
CALL () {
  MATCH (e:Entity)
  WHERE $name <> '' AND (e.id = $name OR toLower(e.name) = toLower($name) OR any(s IN e.aliases WHERE toLower(s) = toLower($name)))
  RETURN collect(e) AS named
}
MATCH (art:Article)-[:MENTIONS]->(x:Entity)
WHERE ($name = '' AND ($label = 'any' OR $label IN labels(x))) OR x IN named
MATCH (art)-[:MENTIONS]->(y:Entity)
WHERE x <> y AND ($label = 'any' OR $label IN labels(y))
  AND ($name <> '' OR x.name < y.name OR (x.name = y.name AND x.id < y.id))
WITH x, y, count(art) AS articles
WHERE articles >= $min
RETURN x.name AS a, [l IN labels(x) WHERE l <> 'Entity'][0] AS aLabel, y.name AS b, [l IN labels(y) WHERE l <> 'Entity'][0] AS bLabel, articles
ORDER BY articles DESC, a, b
LIMIT toInteger($limit)
