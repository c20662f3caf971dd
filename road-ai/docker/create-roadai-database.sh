#!/usr/bin/env bash
# Runs once, when the TimescaleDB container initialises an empty data volume (docker-entrypoint-initdb.d):
# road-ai gets its own role and database next to the ingest service's, so the modules share HTTP, not tables.
# On a volume that already exists, create them by hand with the same two statements.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$ROADAI_DB_PASSWORD" <<'SQL'
CREATE ROLE roadai LOGIN PASSWORD :'pw';
CREATE DATABASE roadai OWNER roadai;
SQL
