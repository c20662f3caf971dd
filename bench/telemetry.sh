#!/usr/bin/env bash
# End-to-end telemetry benchmark (see ingest-service/src/test/java/org/roadpulse/ingest/bench/TelemetryBenchmark.java).
# Options as environment variables: DEVICES (default 200), INTERVALS per device and phase (default 100),
# RATE records/s offered in the latency phase (default 30000); BENCH_OPTS for service settings, e.g.
# BENCH_OPTS="-Droadpulse.broker.consumers=4".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl ingest-service exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.roadpulse.ingest.bench.TelemetryBenchmark \
  -Dbench.devices="${DEVICES:-200}" -Dbench.intervals="${INTERVALS:-100}" -Dbench.rate="${RATE:-30000}" \
  -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_OPTS:-}
