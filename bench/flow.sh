#!/usr/bin/env bash
# Flow-history benchmark (issue #3; see ingest-service/src/test/java/org/roadpulse/ingest/bench/FlowHistoryBenchmark.java):
# loads SITES x DAYS of 15-minute intervals in two directions through the writer into an embedded PostgreSQL,
# then times planners' queries on the rollups against the same queries on the raw rows.
#   SITES  measurement sites, one device each (default 200)
#   DAYS   days from 2025-01-01 (default 365: about 14 M records, 2.5 GB of disk, 10-15 minutes on 2 cores)
#   RUNS   timed runs per query (default 30)
#   DATA   a folder to keep the loaded database in; a second run with the same DATA skips the load
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(bench/classpath.sh)
exec java -Xmx2g -cp "$classpath" -Dlogback.configurationFile=bench/logback-bench.xml \
  -Dbench.sites="${SITES:-200}" -Dbench.days="${DAYS:-365}" -Dbench.runs="${RUNS:-30}" -Dbench.data="${DATA:-}" \
  org.roadpulse.ingest.bench.FlowHistoryBenchmark
