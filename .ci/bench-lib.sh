# Shared by the API load benchmarks (.ci/bench-api.sh, .ci/bench-http.sh); source it from the repository root.
# Starts the Release API on a loopback address with the rate limit lifted and the per-request log line at warning level
# (through configuration only), makes sure every answer comes from that server, and reads wrk's output.

bench_require_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is missing; installing the Debian package"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi
}

# bench_start_api BASE WORK [NAME=VALUE ...]: starts the built API (bin/Release) with the given configuration, in the
# background; sets server_pid and stops the server and removes WORK on exit. Refuses a port something already answers on.
bench_start_api() {
  local base=$1
  bench_work=$2
  shift 2
  if curl -s -o /dev/null "$base/health/live"; then
    echo "something already answers on $base; set PORT to a free port"
    exit 1
  fi
  (
    cd src/GraphService.Api
    exec env ASPNETCORE_ENVIRONMENT=Production \
      RateLimiting__PermitLimit=1000000000 \
      Logging__LogLevel__GraphService.Api.Http.RequestLogging=Warning \
      "$@" \
      dotnet bin/Release/net10.0/GraphService.Api.dll --urls "$base"
  ) >"$bench_work/server.log" 2>&1 &
  server_pid=$!
  trap bench_stop_api EXIT
}

bench_stop_api() {
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$bench_work"
}

# bench_alive WHEN: stops the benchmark, with the server's log, if the server started here has exited.
bench_alive() {
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$bench_work/server.log"
    echo "the API exited ($1)"
    exit 1
  fi
}

# bench_wait_ready BASE SECONDS: waits until /health/ready answers 200.
bench_wait_ready() {
  local base=$1 tries=$(($2 * 10))
  for _ in $(seq 1 "$tries"); do
    if curl -fs "$base/health/ready" >/dev/null 2>&1; then break; fi
    bench_alive "while starting"
    sleep 0.1
  done
  curl -fs "$base/health/ready" >/dev/null || { cat "$bench_work/server.log"; echo "the API did not become ready"; exit 1; }
  bench_alive "after ready"
}

# The server's resident memory now and at its peak.
bench_memory() { awk '/^VmRSS:|^VmHWM:/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$server_pid/status"; }

# The server's CPU time so far (user + system) in clock ticks, from /proc/PID/stat (fields 14 and 15; the command
# name in field 2 is in parentheses and holds no spaces here).
bench_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# cpu_us WRK_FILE TICKS_FILE: the server's CPU microseconds per request of that run; cpu_per_request formats it.
cpu_us() {
  awk -v ticks="$(cat "$2")" -v hz="$(getconf CLK_TCK)" '/ requests in / {n = $1} END {printf "%.0f", (n > 0 ? ticks / hz * 1e6 / n : 0)}' "$1"
}
cpu_per_request() { echo "$(cpu_us "$1" "$2") us"; }

# Figures of a wrk --latency output file.
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_pct() { awk -v q="$2" '$1 == q {print $2}' "$1"; }
wrk_non2xx() { awk '/Non-2xx or 3xx responses:/ {n = $5} END {print n + 0}' "$1"; }
wrk_socket_errors() { awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); s = $0} END {print (s == "" ? "none" : s)}' "$1"; }
