#!/usr/bin/env bash
# The README demo: builds everything, starts our local OpenRouter simulator (127.0.0.1, an
# ephemeral port), runs a small chat application with the audit agent attached, then prints
# the journal the agent wrote and verifies its hash chain. Needs Java 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"

AGENT=agent/target/openrouter-audit-agent.jar
JOURNAL=target/demo-journal
APPS=integration-tests/target/classes
PORT_FILE=target/demo-simulator.port

echo "==> Building: mvn -B -q -DskipTests install"
mvn -B -q -DskipTests install

mkdir -p target
rm -rf "$JOURNAL"
rm -f "$PORT_FILE"

java -cp "$APPS" io.openrouteraudit.sim.OpenRouterSimulator --port 0 --port-file "$PORT_FILE" >/dev/null &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true; rm -f "$PORT_FILE"' EXIT

for _ in $(seq 1 150); do
  [ -s "$PORT_FILE" ] && break
  kill -0 "$SIM_PID" 2>/dev/null || { echo "demo: the simulator exited before it listened" >&2; exit 1; }
  sleep 0.1
done
[ -s "$PORT_FILE" ] || { echo "demo: the simulator did not start within 15 s" >&2; exit 1; }
BASE_URL="http://127.0.0.1:$(cat "$PORT_FILE")"

echo
echo "==> The sample app, with the agent attached, asks the simulator at $BASE_URL two questions"
java -javaagent:"$AGENT" \
  -Dopenrouter.audit.hosts=127.0.0.1 \
  -Dopenrouter.audit.journal.dir="$JOURNAL" \
  -Dopenrouter.audit.otel.enabled=false \
  -cp "$APPS" io.openrouteraudit.apps.SampleChatApp "$BASE_URL"

echo
echo "\$ java -jar $AGENT export --dir $JOURNAL"
java -jar "$AGENT" export --dir "$JOURNAL"

echo
echo "\$ java -jar $AGENT verify --dir $JOURNAL"
java -jar "$AGENT" verify --dir "$JOURNAL"
