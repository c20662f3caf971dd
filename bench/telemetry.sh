#!/usr/bin/env bash
# End-to-end telemetry benchmark (see ingest-service/src/test/java/org/roadpulse/ingest/bench/TelemetryBenchmark.java).
# Options as environment variables:
#   DEVICES     simulated devices (default 200)
#   INTERVALS   intervals per device and phase (default 100)
#   RATE        records/s offered in the latency phase (default 30000)
#   BROKER      embedded (default: the service's HiveMQ CE) or mosquitto (Debian's mosquitto 2 as an external
#               broker on 127.0.0.1, anonymous, for comparison; needs `apt-get install mosquitto`)
#   BENCH_OPTS  more service settings, e.g. "-Droadpulse.broker.consumers=4"
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(bench/classpath.sh)

broker_opts=""
if [ "${BROKER:-embedded}" = mosquitto ]; then
  command -v mosquitto >/dev/null || { echo "BROKER=mosquitto needs Debian's mosquitto package" >&2; exit 1; }
  dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
max_queued_messages 1000000
max_inflight_messages 1000
persistence true
persistence_location $dir/
CONF
  mosquitto -c "$dir/mosquitto.conf" > "$dir/mosquitto.log" 2>&1 &
  mosquitto_pid=$!
  trap 'kill $mosquitto_pid 2>/dev/null; rm -rf "$dir"' EXIT
  sleep 0.5
  broker_opts="-Droadpulse.broker.url=tcp://127.0.0.1:$port"
  echo "Broker: Debian mosquitto $(mosquitto -h | head -1 | awk '{print $3}') on 127.0.0.1:$port"
fi

# shellcheck disable=SC2086 # broker_opts and BENCH_OPTS hold several options
java -Xmx2g -cp "$classpath" -Dlogback.configurationFile=bench/logback-bench.xml \
  -Dbench.devices="${DEVICES:-200}" -Dbench.intervals="${INTERVALS:-100}" -Dbench.rate="${RATE:-30000}" \
  $broker_opts ${BENCH_OPTS:-} org.roadpulse.ingest.bench.TelemetryBenchmark
