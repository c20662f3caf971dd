#!/usr/bin/env bash
# Builds RoadPulse and starts the whole system on embedded defaults:
#   ingest service (embedded HiveMQ broker, embedded PostgreSQL with a persistent, durable data folder)
#   + simulated roadside agents of Bexbach, Mettlach, Nalbach and Tholey streaming counts over MQTT and CoAP
#   + the road-AI maintenance queue (own embedded PostgreSQL in data/road-ai, traffic from the ingest service's flow API,
#     staff pages; image intake needs the model road-ai/models/road-damage.zip, the rest runs without it).
# Ctrl-C stops everything; data stays in ./data (delete it to start afresh).
#
# Options (environment): ROADPULSE_SPEED (time compression of the simulation, default 60),
#                        ROADPULSE_SKIP_BUILD=1 (start what is built), ROADPULSE_HTTP_PORT (default 8080),
#                        ROADPULSE_ROADAI_PORT (default 8081), ROADPULSE_MAVEN_REPO (default ~/.m2/repository).
set -euo pipefail
cd "$(dirname "$0")"

speed="${ROADPULSE_SPEED:-60}"
http_port="${ROADPULSE_HTTP_PORT:-8080}"
service_jar=ingest-service/target/roadpulse-ingest-service.jar
agent_jar=edge-agent/target/roadpulse-edge-agent.jar
roadai_port="${ROADPULSE_ROADAI_PORT:-8081}"
roadai_jar=road-ai/target/road-ai-0.1.0-SNAPSHOT.jar
devices=ingest-service/src/main/resources/demo-devices.yml

java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' || { echo "RoadPulse needs JDK 17 or newer on the PATH." >&2; exit 1; }

if [ "${ROADPULSE_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$service_jar" ] || [ ! -f "$agent_jar" ] || [ ! -f "$roadai_jar" ]; then
  echo "==> Building (the first build downloads dependencies from Maven Central; a few minutes)"
  ./mvnw -q -B install -DskipTests
fi

mkdir -p data/logs
pids=()
stop() {
  echo; echo "==> Stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped. Data is kept in ./data."
}
trap stop EXIT
trap 'exit 0' INT TERM

echo "==> Starting the ingest service (log: data/logs/ingest-service.log)"
ROADPULSE_DEMO_SEED_DEVICES=true MICRONAUT_SERVER_PORT="$http_port" \
  java -jar "$service_jar" > data/logs/ingest-service.log 2>&1 &
pids+=($!)

for _ in $(seq 1 180); do
  if curl -fs "http://localhost:$http_port/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "The ingest service stopped while starting; the end of its log:" >&2
    tail -n 30 data/logs/ingest-service.log >&2; exit 1
  fi
  sleep 1
done
curl -fs "http://localhost:$http_port/health" > /dev/null || { echo "The ingest service did not become healthy in 3 min; see data/logs/ingest-service.log" >&2; exit 1; }

echo "==> Starting simulated roadside agents at ${speed}x (log: data/logs/agents.log)"
java -jar "$agent_jar" demo --devices "$devices" --speed "$speed" \
  --mqtt tcp://localhost:1883 --coap coap://localhost:5683 --outbox-root data/outbox \
  > data/logs/agents.log 2>&1 &
pids+=($!)

# road-ai's jar lists its runtime jars in Maven repository layout below lib/ (no fat jar of natives): point lib/ at
# the local repository the build filled.
ln -sfn "${ROADPULSE_MAVEN_REPO:-$HOME/.m2/repository}" road-ai/target/lib
echo "==> Starting the road-AI maintenance queue (log: data/logs/road-ai.log)"
MICRONAUT_SERVER_PORT="$roadai_port" ROADAI_DATA_DIR=data/road-ai \
  ROADAI_TRAFFIC_FLOW_API_URL="http://localhost:$http_port" ROADAI_ACCESS_TOKEN_SECRET_FILE=data/token-secret \
  ROADAI_ACCESS_ACCOUNTS_URL="http://localhost:$http_port" \
  java -Xmx3g -Dorg.eclipse.deeplearning4j.helpers.disable=false -jar "$roadai_jar" \
  > data/logs/road-ai.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  if curl -fs "http://localhost:$roadai_port/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[2]}" 2>/dev/null; then
    echo "The road-AI service stopped while starting; the end of its log:" >&2
    tail -n 30 data/logs/road-ai.log >&2; exit 1
  fi
  sleep 1
done
curl -fs "http://localhost:$roadai_port/health" > /dev/null || echo "The road-AI service is not healthy yet; see data/logs/road-ai.log" >&2
if [ ! -f road-ai/models/road-damage.zip ]; then
  echo "    (no model at road-ai/models/road-damage.zip: image upload answers 503 until it is there)"
fi

cat <<TXT

RoadPulse is running.
  Live device page (de/en):   http://localhost:$http_port/
  Planner page (de/en):       http://localhost:$http_port/planning/
  Devices and stored counts:  http://localhost:$http_port/api/v1/devices
  Login (pages and API):      operator, password in data/operator-password; demo accounts in data/demo-people.txt
  Health / Prometheus:        http://localhost:$http_port/health   http://localhost:$http_port/prometheus
  MQTT broker (embedded):     tcp://localhost:1883   CoAP: coap://localhost:5683, coaps://localhost:5684 (DTLS-PSK)
  PostgreSQL (embedded):      psql postgresql://roadpulse:roadpulse@localhost:54329/roadpulse
  Maintenance list (de/en):   http://localhost:$roadai_port/maintenance/
  Maintenance API:            http://localhost:$roadai_port/api/v1/municipalities   (OpenAPI: /openapi/roadpulse-road-ai.yml)
  Road-AI PostgreSQL:         psql postgresql://roadai:roadai@localhost:54330/roadai
  Logs:                       data/logs/ingest-service.log, data/logs/agents.log, data/logs/road-ai.log
Ctrl-C stops everything.
TXT

wait "${pids[0]}" || true
echo "The ingest service stopped; the end of its log:" >&2
tail -n 20 data/logs/ingest-service.log >&2
exit 1
