#!/usr/bin/env bash
# Backpressure benchmark, issue #8 (see ingest-service/src/test/java/org/roadpulse/ingest/bench/BackpressureBenchmark.java):
# the soak's set-up in three phases: database at full speed (the baseline), slowed for real (a sleeping trigger per
# claimed message), recovered; prints acknowledgement and storage rates, PUBACK times, queue depths and memory per
# phase, and checks that every message was stored once. Writes backpressure.csv and backpressure.png.
#   DEVICES        simulated devices, real Paho MQTT clients (default 1000)
#   INTERVAL_MS    each device sends one message this often (default 1000)
#   PHASE_SECONDS  length of each phase (default 30)
#   SLOW_MS        what the slowed database adds per claimed message (default 5: about 400 messages/s with the
#                  service's two writer threads, below the 1,000/s offered)
#   HEAP           the service's -Xmx (default 512m)
#   OUT            folder for the CSV and PNG (default ingest-service/target/backpressure)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(bench/classpath.sh)
exec java -Xmx1g -cp "$classpath" -Dlogback.configurationFile=bench/logback-bench.xml \
  -Dbench.devices="${DEVICES:-1000}" -Dbench.interval-ms="${INTERVAL_MS:-1000}" \
  -Dbench.phase-seconds="${PHASE_SECONDS:-30}" -Dbench.slow-ms="${SLOW_MS:-5}" \
  -Dbench.heap="${HEAP:-512m}" -Dbench.out="${OUT:-ingest-service/target/backpressure}" \
  org.roadpulse.ingest.bench.BackpressureBenchmark
