#!/usr/bin/env bash
# Makes the PostgreSQL the tests use available on this machine (Debian, as root): installs
# Debian's server if it is missing, starts its cluster, waits until it takes connections and
# makes the role the tests log in as (TEST_DATABASE_URL's default:
# postgres://walkaround:walkaround@127.0.0.1:5432/postgres). Safe to run again: each step
# only does what is not done yet. .ci/run calls it; on a developer machine run it once after
# a boot: `sudo bash tests/support/start-postgres.sh`.
set -euo pipefail

role=walkaround
password=walkaround

if ! command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL is not installed: installing Debian's postgresql"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi

# The newest cluster on the machine; Debian's package makes one (e.g. 15/main) when installed.
cluster="$(pg_lsclusters --no-header | sort -k1,1V | tail -n 1)"
if [[ -z "$cluster" ]]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  echo "No PostgreSQL cluster: creating $version/main"
  pg_createcluster "$version" main
  cluster="$(pg_lsclusters --no-header | sort -k1,1V | tail -n 1)"
fi
read -r version name port status _ <<<"$cluster"

if [[ "$status" != online* ]]; then
  echo "Starting PostgreSQL cluster $version/$name on port $port"
  pg_ctlcluster "$version" "$name" start
fi

# Start returns once the postmaster runs; recovery after an unclean stop can take longer.
for _ in $(seq 1 60); do
  pg_isready --quiet --host 127.0.0.1 --port "$port" && break
  sleep 0.5
done
if ! pg_isready --host 127.0.0.1 --port "$port"; then
  echo "PostgreSQL $version/$name did not accept connections within 30 s: see /var/log/postgresql/" >&2
  exit 1
fi

as_postgres() { cd / && runuser -u postgres -- psql --port "$port" --no-psqlrc --quiet --tuples-only --no-align "$@"; }
# CREATEDB and no more: the tests make and drop their own databases, which they then own.
if [[ "$(as_postgres --command "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]]; then
  echo "Creating role $role"
  as_postgres --command "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'"
fi

if [[ "$port" != 5432 ]]; then
  echo "PostgreSQL listens on port $port: set TEST_DATABASE_URL=postgres://$role:$password@127.0.0.1:$port/postgres"
fi
echo "PostgreSQL $version/$name is up on port $port"
