#!/usr/bin/env bash
# Runs a command against a Neo4j that is a separate process (issue #14 §4), as a cluster or Aura
# would be: started here with its own throwaway store, authentication on with a random password
# (never neo4j/neo4j), Bolt on a free loopback port, and reached over neo4j:// (routing: a
# standalone Neo4j 5 answers routing requests with itself). The command gets NEO4J_URI,
# NEO4J_USER and NEO4J_PASSWORD, the variables the API reads (src/config/config.ts), and nothing
# of the server's handle. The server is stopped, and its store removed, however the command ends.
#
#   bash test/remote/with-neo4j.sh <command…>      (npm run test:remote uses it)
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=neo4j/target/neo4j-launcher.jar
if [ ! -f "$jar" ] || [ ! -d neo4j/target/lib ]; then
  echo "[remote] building the Neo4j launcher (mvn package)…"
  mvn -q -B -f neo4j/pom.xml package -DskipTests
fi

root="$(mktemp -d "${TMPDIR:-/tmp}/breach-impact-remote-XXXXXX")"
chmod 700 "$root"
pid=""
stop_server() {
  local status=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    # A clean stop flushes the store; past 60 s it is killed (the store is thrown away anyway).
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$root"
  exit "$status"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port free a moment ago, and a password that is nobody's default.
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
password="$(node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))")"

# The launcher reads the password from the first line of stdin (never argv or environment); it
# gets a minimal environment, as the embedded one does (src/db/embedded.ts).
env -i PATH="$PATH" HOME="${HOME:-/tmp}" LANG="${LANG:-C.UTF-8}" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
  NEO4J_BOLT_PORT="$port" NEO4J_DATA_DIR="$root/store" NEO4J_PAGECACHE=256m NEO4J_TX_TIMEOUT=0s \
  java -Xms768m -Xmx768m -XX:+UseG1GC -cp "$jar:neo4j/target/lib/*" breachimpact.Launcher \
  <<<"$password" >"$root/neo4j.log" 2>&1 &
pid=$!

started=$SECONDS
until grep -qs '^NEO4J_READY' "$root/neo4j.log"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "[remote] Neo4j exited before it was ready:" >&2
    tail -20 "$root/neo4j.log" >&2
    exit 1
  fi
  # Generous: a cold JVM on a busy machine is slow; a hung start still ends well inside CI's time.
  if [ $((SECONDS - started)) -gt 900 ]; then
    echo "[remote] Neo4j did not report ready within 900 s:" >&2
    tail -20 "$root/neo4j.log" >&2
    exit 1
  fi
  sleep 1
done
echo "[remote] Neo4j (pid $pid) ready on neo4j://127.0.0.1:$port after $((SECONDS - started)) s, authentication on"

set +e
NEO4J_URI="neo4j://127.0.0.1:$port" NEO4J_USER=neo4j NEO4J_PASSWORD="$password" "$@"
status=$?
set -e
exit "$status"
