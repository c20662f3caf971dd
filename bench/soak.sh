#!/usr/bin/env bash
# Soak benchmark, issue #8 (see ingest-service/src/test/java/org/roadpulse/ingest/bench/SoakBenchmark.java): the
# service as a process of its own, simulated devices sending one interval each at a steady rate; samples heap, RSS and
# backlog, writes soak.csv and soak.png, prints the figures.
#   DEVICES      simulated devices, real Paho MQTT clients (default 1000)
#   MINUTES      how long they send (default 10)
#   INTERVAL_MS  each device sends one message this often (default 1000)
#   HEAP         the service's -Xmx (default 512m)
#   OUT          folder for soak.csv and soak.png (default ingest-service/target/soak)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(bench/classpath.sh)
exec java -Xmx1g -cp "$classpath" -Dlogback.configurationFile=bench/logback-bench.xml \
  -Dbench.devices="${DEVICES:-1000}" -Dbench.minutes="${MINUTES:-10}" -Dbench.interval-ms="${INTERVAL_MS:-1000}" \
  -Dbench.heap="${HEAP:-512m}" -Dbench.out="${OUT:-ingest-service/target/soak}" \
  org.roadpulse.ingest.bench.SoakBenchmark
