// name: threat-network
// description: Who threatens whom: the aggregated THREATENS relationships, strongest first
// param: limit int = 25 : how many rows
// columns: actor, recipient, events, firstDate, lastDate, articles
MATCH (a:Entity)-[t:THREATENS]->(b:Entity)
RETURN a.name AS actor, b.name AS recipient, t.count AS events, t.firstDate AS firstDate, t.lastDate AS lastDate,
       size(t.articleIds) AS articles
ORDER BY events DESC, articles DESC, actor, recipient
LIMIT $limit
