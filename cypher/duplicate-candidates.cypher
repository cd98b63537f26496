// name: duplicate-candidates
// description: Duplicate candidates: different nodes of one label whose names match once normalised, share an alias (more than a word both names have), contain one another or are spelt alike
// param: label enum(any|Person|State|Institution|Place) = any : restrict to one label
// param: min float = 0.8 : the lowest similarity to show (0 to 1)
// param: limit int = 50 : how many rows
// columns: a, b, label, score, reasons, aId, bId
// graph: MATCH (x:Entity)
// graph: WHERE $label = 'any' OR $label IN labels(x)
// graph: UNWIND [a IN x.aliases | toLower(a)] + [trim(replace(replace(toLower(x.name), '-', ' '), '.', ''))] AS key
// graph: WITH key, [l IN labels(x) WHERE l <> 'Entity'][0] AS label, collect(DISTINCT x) AS xs
// graph: WHERE 1 < size(xs) <= 20
// graph: UNWIND xs AS x
// graph: OPTIONAL MATCH p = (x)<-[:MENTIONS]-(:Article)
// graph: RETURN x, p LIMIT toInteger($limit)
// Names are normalised by lower-casing and treating - . , ' as spaces. The spelling score is the Dice coefficient of
// the letter pairs of the names without spaces. Nodes with different countries are not compared.
MATCH (x:Entity)
WHERE $label = 'any' OR $label IN labels(x)
WITH x, [l IN labels(x) WHERE l <> 'Entity'][0] AS label,
     reduce(s = toLower(x.name), c IN ['-', '.', ',', "'", '\u2019'] | replace(s, c, ' ')) AS n0
WITH x, label, [t IN split(n0, ' ') WHERE t <> ''] AS tokens
WITH x, label, tokens, reduce(s = '', t IN tokens | s + t) AS compact
WITH x, label, tokens, compact, reduce(s = '', t IN tokens | s + CASE WHEN s = '' THEN '' ELSE ' ' END + t) AS norm,
     reduce(acc = [], g IN [i IN range(0, size(compact) - 2) | substring(compact, i, 2)] | CASE WHEN g IN acc THEN acc ELSE acc + g END) AS grams,
     [a IN x.aliases | toLower(a)] AS aliases
ORDER BY x.name, x.id
// Blocking: only nodes that share a word, an alias, or the first or last four letters are compared; a key
// that more than 200 nodes share (a word like "ministry") tells nothing and is skipped.
UNWIND tokens + ['^' + left(compact, 4), '$' + right(compact, 4)] + [a IN aliases | '=' + a] AS key
WITH label, key, collect(DISTINCT {e: x, tokens: tokens, norm: norm, grams: grams, aliases: aliases}) AS block
WHERE 1 < size(block) <= 200
UNWIND range(0, size(block) - 2) AS i
UNWIND range(i + 1, size(block) - 1) AS j
WITH DISTINCT label, block[i] AS p, block[j] AS q
WHERE p.e.country IS NULL OR q.e.country IS NULL OR p.e.country = q.e.country
WITH label, p, q,
     p.norm = q.norm AS same,
     any(a IN p.aliases WHERE a IN q.aliases AND NOT (a IN p.tokens AND a IN q.tokens)) AS sharedAlias,
     size(p.tokens) > 0 AND size(q.tokens) > 0 AND p.norm <> q.norm
       AND (all(t IN p.tokens WHERE t IN q.tokens) OR all(t IN q.tokens WHERE t IN p.tokens)) AS contained,
     CASE WHEN size(p.grams) + size(q.grams) = 0 THEN 0.0
          ELSE 2.0 * size([g IN p.grams WHERE g IN q.grams]) / (size(p.grams) + size(q.grams)) END AS dice
WITH label, p, q, same, sharedAlias, contained, dice,
     reduce(m = dice, v IN [CASE WHEN same THEN 1.0 ELSE 0.0 END, CASE WHEN sharedAlias THEN 0.9 ELSE 0.0 END,
                            CASE WHEN contained THEN 0.8 ELSE 0.0 END] | CASE WHEN v > m THEN v ELSE m END) AS score
WHERE score >= $min
WITH label, p, q, score,
     [r IN [CASE WHEN same THEN 'same normalised name' END, CASE WHEN sharedAlias THEN 'shared alias' END,
            CASE WHEN contained THEN 'name within name' END,
            CASE WHEN NOT same AND (dice >= 0.85 OR NOT (sharedAlias OR contained)) THEN 'similar spelling' END]
      WHERE r IS NOT NULL] AS reasons
RETURN p.e.name AS a, q.e.name AS b, label, round(score, 2) AS score,
       reduce(s = '', r IN reasons | s + CASE WHEN s = '' THEN '' ELSE ', ' END + r) AS reasons, p.e.id AS aId, q.e.id AS bId
ORDER BY score DESC, label, a, b
LIMIT toInteger($limit)
