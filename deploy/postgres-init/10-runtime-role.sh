#!/bin/sh
# Run by the postgres image on its first start (empty volume): the runtime role the app connects
# as (DATABASE_URL), which owns nothing. The owner (POSTGRES_USER, compagnon) runs the migrations
# and grants it its rights. On a volume initialised before this file existed, run once:
#   docker compose -f deploy/compose.yaml exec db psql -U compagnon -d compagnon \
#     -c "create role compagnon_app login password '<APP_DB_PASSWORD>'"
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$APP_DB_PASSWORD" <<'SQL'
create role compagnon_app login password :'password';
SQL
