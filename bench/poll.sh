#!/usr/bin/env bash
# Poll benchmark: N feeds x 100 items (half Arabic) served by nginx on
# loopback; akhbar cold / warm poll and `list --unread --count`, and the
# same with newsboat when it is installed. Prints figures and ratios.
#
#   bench/poll.sh            # 200 feeds (20,000 articles)
#   bench/poll.sh 1000       # 1,000 feeds (100,000 articles)
#
# Needs: nginx, python3; newsboat optional (apt-get install nginx newsboat).
set -euo pipefail
N=${1:-200}
PORT=${BENCH_PORT:-8088}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
work=$(mktemp -d /tmp/akhbar-bench.XXXXXX)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx" >&2; exit 1; }
cargo build --release --quiet --manifest-path "$top/Cargo.toml"
AKHBAR="$top/target/release/akhbar"

echo "generating $N feeds x 100 items..."
BENCH_BASE="http://127.0.0.1:$PORT" python3 "$here/gen_feeds.py" "$work/www" "$N" 100
du -sh "$work/www/feeds" | awk '{print "feeds on disk: " $1}'

mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  types { application/rss+xml xml; }
  server {
    listen 127.0.0.1:$PORT;
    root $work/www;
    etag on;
    keepalive_requests 10000;
  }
}
NGINX
nginx -c "$work/nginx.conf" -e "$work/nginx/error.log" -g "user root;" 2>/dev/null || nginx -c "$work/nginx.conf" -e "$work/nginx/error.log"
sleep 0.5

# run LABEL CMD...: prints wall seconds, CPU seconds (user + system) and
# peak RSS (MB); sets LAST_S / LAST_CPU / LAST_MB.
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { echo "$label failed:"; tail -5 "$work/err"; exit 1; }
  read -r LAST_S kb user sys < "$work/time"
  LAST_MB=$(( kb / 1024 ))
  LAST_CPU=$(python3 -c "print(f'{$user + $sys:.2f}')")
  printf '%-42s %8.2f s %6d MB %8.2f s CPU\n' "$label" "$LAST_S" "$LAST_MB" "$LAST_CPU"
}

# The cold poll is short: it runs RUNS times (env BENCH_RUNS, default 3),
# each on a new database, and the median run counts.
RUNS=${BENCH_RUNS:-3}
export AKHBAR_DB="$work/akhbar.db"
: > "$work/cold"
for i in $(seq "$RUNS"); do
  rm -f "$AKHBAR_DB" "$AKHBAR_DB-wal" "$AKHBAR_DB-shm"
  "$AKHBAR" import "$work/www/urls" >/dev/null
  run "akhbar poll --no-enrich (cold, run $i)" "$AKHBAR" poll --no-enrich --jobs 8 --per-host 8
  echo "$LAST_S $LAST_CPU $LAST_MB" >> "$work/cold"
  tail -1 "$work/err"
done
read -r a_cold a_cold_cpu a_cold_mb < <(sort -n "$work/cold" | sed -n "$(( (RUNS + 1) / 2 ))p")
python3 - "$a_cold" "$a_cold_cpu" "$(( N * 100 ))" <<'PY'
import sys
wall, cpu, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"cold poll, median run: {wall:.2f} s, {cpu:.2f} s CPU; "
      f"per 1,000 articles {1000 * wall / n:.3f} s, {1000 * cpu / n:.3f} s CPU")
PY
run "akhbar poll --no-enrich (warm, all 304)" "$AKHBAR" poll --no-enrich --jobs 8 --per-host 8
a_warm=$LAST_S
run "akhbar list --unread --count" "$AKHBAR" list --unread --count
a_count=$LAST_S
echo "  unread: $(cat "$work/out")"
run "akhbar enrich (after the cold poll)" "$AKHBAR" enrich
export AKHBAR_DB="$work/akhbar-full.db"
"$AKHBAR" import "$work/www/urls" >/dev/null
run "akhbar poll (cold, with enrichment)" "$AKHBAR" poll --jobs 8 --per-host 8
a_full=$LAST_S
ls -la "$work/akhbar.db" | awk '{printf "database size: %.1f MB\n", $5/1048576}'

if command -v newsboat >/dev/null; then
  mkdir -p "$work/nb"
  printf 'reload-threads 8\nshow-read-feeds yes\n' > "$work/nb/config"
  NB=(newsboat -u "$work/www/urls" -c "$work/nb/cache.db" -C "$work/nb/config")
  run "newsboat -x reload (cold)" "${NB[@]}" -x reload
  n_cold=$LAST_S; n_cold_mb=$LAST_MB
  run "newsboat -x reload (warm)" "${NB[@]}" -x reload
  n_warm=$LAST_S
  run "newsboat -x print-unread" "${NB[@]}" -x print-unread
  n_count=$LAST_S
  echo "  newsboat: $(head -1 "$work/out")"
  python3 - "$a_cold" "$n_cold" "$a_warm" "$n_warm" "$a_count" "$n_count" "$a_cold_mb" "$n_cold_mb" <<'PY'
import sys
ac, nc, aw, nw, an, nn, am, nm = map(float, sys.argv[1:])
# /usr/bin/time resolves 10 ms: a 0.00 s run is "under 10 ms".
r = lambda a, b: f"1/{b / a:.0f}" if a > 0 else f"< 1/{b / 0.01:.0f}"
print(f"ratios akhbar/newsboat: cold {r(ac, nc)} (target <= 1/5), warm {r(aw, nw)} (<= 1/20), "
      f"count {r(an, nn)} (<= 1/20), peak memory {am:.0f} MB vs {nm:.0f} MB")
PY
else
  echo "newsboat not installed: no comparison (apt-get install -y newsboat)"
fi
