#!/bin/sh
# Runs once, on an empty data directory (docker-entrypoint-initdb.d of the postgres image).
# Creates the application role and database `dnd` and the extensions the services use. Schemas
# (auth, character, campaign, catalog, image, llm, hub) are created by each service's migrations.
set -eu
: "${DND_DB_PASSWORD:?DND_DB_PASSWORD is required}"

psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     --set=dnd_password="$DND_DB_PASSWORD" <<'SQL'
CREATE ROLE dnd LOGIN PASSWORD :'dnd_password';
CREATE DATABASE dnd OWNER dnd;
\connect dnd
-- extensions need a superuser; the dnd role then owns every schema its migrations create
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
