#!/usr/bin/env bash
# Development helper: regenerates the initial migration from the current config against a scratch
# database on the local PostgreSQL server. Only for use before the first release.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists byline_gen" -c "create database byline_gen"
rm -f migrations/*_initial.ts migrations/*_initial.json
echo "export const migrations: never[] = []" > migrations/index.ts
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/byline_gen
npx payload migrate:create initial
npx payload generate:types
npx payload generate:importmap
