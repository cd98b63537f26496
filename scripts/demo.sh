#!/usr/bin/env bash
# The whole job on a fresh machine: install, start a local Neo4j if none answers, ingest the sample
# articles, print a report, and print the Neo4j Browser URL. Safe to run again: nothing is duplicated.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing (npm ci)"
  npm ci --no-audit --no-fund
fi
[ -f dist/src/cli/main.js ] || npm run build --silent

URI="${NEO4J_URI:-bolt://localhost:7687}"
hostport="${URI#*://}"; hostport="${hostport%%/*}"; host="${hostport%%:*}"; port="${hostport##*:}"
[ "$port" = "$host" ] && port=7687
if [ -z "${NEO4J_URI:-}" ] && ! (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; then
  echo "== no Neo4j at ${URI}: starting a local one (npm run neo4j:start)"
  node scripts/neo4j.js start
fi

echo "== newsgraph init"
npx --no-install newsgraph init
echo "== newsgraph ingest data/articles"
npx --no-install newsgraph ingest data/articles
echo "== newsgraph stats"
npx --no-install newsgraph stats
echo "== newsgraph report top-actors"
npx --no-install newsgraph report top-actors -p limit=10
echo "== newsgraph report threat-network"
npx --no-install newsgraph report threat-network -p limit=10
echo
echo "Explore the graph in Neo4j Browser: http://localhost:7474/browser/?dbms=bolt://localhost:7687&preselectAuthMethod=NO_AUTH"
echo "Stop the local Neo4j with: npm run neo4j:stop"
