// name: state-institutions
// description: The institutions of a state: those part of it (PART_OF, directly or through a parent) or registered to its country
// param: name string = "" : the state (name, alias, ISO 3166 alpha-3 code or id, case-insensitive); empty for the state with the most institutions
// param: limit int = 100 : how many rows
// columns: state, institution, kind, via, people, articles
// graph: MATCH (i:Institution)
// graph: OPTIONAL MATCH (i)-[:PART_OF*1..4]->(ps:State)
// graph: WITH i, collect(DISTINCT ps.id) + CASE WHEN i.country IS NULL THEN [] ELSE ['state:' + i.country] END AS ids
// graph: UNWIND ids AS sid
// graph: MATCH (s:State {id: sid})
// graph: WITH s, collect(DISTINCT i) AS insts,
// graph:      $name <> '' AND (s.id = $name OR s.id = 'state:' + toUpper($name) OR toLower(s.name) = toLower($name) OR any(x IN s.aliases WHERE toLower(x) = toLower($name))) AS named
// graph: ORDER BY named DESC, size(insts) DESC, s.name
// graph: WITH collect({s: s, insts: insts, named: named}) AS states
// graph: UNWIND CASE WHEN $name = '' THEN states[0..1] ELSE [x IN states WHERE x.named] END AS chosen
// graph: WITH chosen.s AS s, chosen.insts AS insts
// graph: UNWIND insts AS i
// graph: OPTIONAL MATCH p = (i)-[:PART_OF*1..4]->(s)
// graph: OPTIONAL MATCH q = (:Person)-[:HOLDS_POSITION]->(i)
// graph: RETURN s, i, p, q LIMIT toInteger($limit)
MATCH (i:Institution)
OPTIONAL MATCH (i)-[:PART_OF*1..4]->(ps:State)
WITH i, collect(DISTINCT ps.id) AS parts
UNWIND parts + CASE WHEN i.country IS NULL THEN [] ELSE ['state:' + i.country] END AS sid
WITH DISTINCT i, parts, sid
MATCH (s:State {id: sid})
WITH s, collect({i: i, via: CASE WHEN sid IN parts THEN 'PART_OF' ELSE 'country' END}) AS insts
WITH s, insts,
     $name <> '' AND (s.id = $name OR s.id = 'state:' + toUpper($name) OR toLower(s.name) = toLower($name) OR any(x IN s.aliases WHERE toLower(x) = toLower($name))) AS named
ORDER BY named DESC, size(insts) DESC, s.name
WITH collect({s: s, insts: insts, named: named}) AS states
UNWIND CASE WHEN $name = '' THEN states[0..1] ELSE [x IN states WHERE x.named] END AS chosen
UNWIND chosen.insts AS c
WITH chosen.s AS state, c.i AS i, c.via AS via
RETURN state.name AS state, i.name AS institution, i.kind AS kind, via,
       COUNT { (:Person)-[:HOLDS_POSITION]->(i) } AS people, COUNT { (:Article)-[:MENTIONS]->(i) } AS articles
ORDER BY state, institution
LIMIT toInteger($limit)
