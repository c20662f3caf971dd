#!/usr/bin/env bash
# Compiles the ingest service with its tests (no install: the other modules come from this checkout) and prints the
# classpath a benchmark's `java -cp` needs. Used by every script here. Offline (-o) unless MAVEN_OFFLINE is
# set, e.g. to the empty string when a dependency is not yet in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MAVEN_OFFLINE--o} -pl ingest-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
echo "ingest-service/target/test-classes:ingest-service/target/classes:$(cat ingest-service/target/bench-classpath.txt)"
