#!/bin/sh
# Run once by the postgres image when it creates the primary's data directory: lets the
# replica (docker-compose.yml, profile `scale`) stream from it as the application's user.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
