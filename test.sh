#!/usr/bin/env bash
# Runs every test project against SQLite and a throw-away PostgreSQL, installing what is missing.
# The last line is the sum over all projects: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
configuration=${CONFIGURATION:-Release}

say() { printf '==> %s\n' "$*"; }

# --- What the tests need from Debian -------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
# The backup and restore commands call pg_dump and pg_restore from PATH.
{ command -v pg_dump && command -v pg_restore; } >/dev/null || missing+=(postgresql-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Chinese glyphs for the browser tests' screenshots.
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
# Narration: the embedded speech engine (Mandarin voice) and the MP3 encoder.
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v lame >/dev/null || missing+=(lame)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- A throw-away PostgreSQL on a free loopback port, as an unprivileged user ---------------
work=$(mktemp -d /tmp/civicsclass-test.XXXXXX)
chmod 755 "$work"
pgdata="$work/pgdata"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as_pg=(runuser -u postgres --)
fi
mkdir -p "$pgdata"
[ ${#as_pg[@]} -eq 0 ] || chown postgres "$pgdata"

cleanup() {
  set +e
  if [ -f "$pgdata/postmaster.pid" ]; then
    "${as_pg[@]}" "$(pg_bin)/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return
  for _ in $(seq 1 200); do
    local p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "test.sh: no free port found" >&2
  exit 1
}
port=$(free_port)

say "starting PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"${as_pg[@]}" "$(pg_bin)/initdb" -D "$pgdata" -U civics --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || "${as_pg[@]}" "$(pg_bin)/initdb" -D "$pgdata" -U civics --auth=trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
# Durability settings are off: this cluster lives for one test run.
"${as_pg[@]}" "$(pg_bin)/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" \
  -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { cat "$pgdata/server.log" >&2; exit 1; }

export CIVICS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=civics;Database=postgres;Maximum Pool Size=40;Timeout=30"
export CIVICS_REQUIRE_POSTGRES=1 CIVICS_REQUIRE_BROWSER=1
export CIVICS_E2E_ARTIFACTS="${TEST_ARTIFACTS:-$root/TestResults}/screenshots"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- Build once, then every test project ---------------------------------------------------
say "building ($configuration)"
dotnet build "$root/CivicsClass.sln" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly

results="$work/results"
mkdir -p "$results"
status=0
for project in "$root"/tests/*.Tests/*.csproj "$root"/tests/CivicsClass.E2E/*.csproj; do
  [ -f "$project" ] || continue
  name=$(basename "$project" .csproj)
  say "testing $name"
  run() {
    dotnet test "$project" -c "$configuration" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results"
  }
  if run; then continue; fi
  # Browser journeys get a second run, as Playwright's own runner allows: headless Chromium now and
  # then loses an input event. The first run's results are kept beside the counted ones.
  if [ "$name" = CivicsClass.E2E ]; then
    mv "$results/$name.trx" "$results/$name.first-run.trx.txt"
    say "testing $name again (first run failed; its results: $name.first-run.trx.txt)"
    run || status=1
  else
    status=1
  fi
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # A skipped test is counted in total but in no outcome of its own.
  skipped=$((skipped + $(value total) - $(value passed) - $(value failed) - $(value error) - $(value timeout) - $(value aborted)))
done

if [ -n "${TEST_ARTIFACTS:-}" ]; then
  mkdir -p "$TEST_ARTIFACTS" && cp -r "$results"/. "$TEST_ARTIFACTS"/
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
