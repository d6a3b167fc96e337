#!/usr/bin/env bash
# The README demo: builds everything, starts our local OpenRouter simulator and a local OTLP
# collector (127.0.0.1, ephemeral ports), runs a small chat application with the audit agent
# attached, then prints the journal the agent wrote, verifies its hash chain, and prints the
# spans the agent exported. Needs Java 17+ and Maven.
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
SPANS_PID=""
trap 'kill "$SIM_PID" $SPANS_PID 2>/dev/null || true; rm -f "$PORT_FILE"' EXIT

# A local OTLP collector that prints the spans it receives (the integration tests' decoding receiver).
OTLP_FILE=target/demo-otlp.endpoint
SPANS_STOP=target/demo-otlp.stop
SPANS_OUT=target/demo-spans.txt
rm -f "$OTLP_FILE" "$SPANS_STOP" "$SPANS_OUT"
mvn -B -q -pl integration-tests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/demo-test.classpath"
java -cp "integration-tests/target/test-classes:$APPS:$(cat target/demo-test.classpath)" \
  io.openrouteraudit.it.DemoSpanPrinter "$OTLP_FILE" "$SPANS_STOP" >"$SPANS_OUT" 2>target/demo-spans.err &
SPANS_PID=$!

for _ in $(seq 1 150); do
  [ -s "$PORT_FILE" ] && break
  kill -0 "$SIM_PID" 2>/dev/null || { echo "demo: the simulator exited before it listened" >&2; exit 1; }
  sleep 0.1
done
[ -s "$PORT_FILE" ] || { echo "demo: the simulator did not start within 15 s" >&2; exit 1; }
for _ in $(seq 1 150); do
  [ -s "$OTLP_FILE" ] && break
  kill -0 "$SPANS_PID" 2>/dev/null || { echo "demo: the OTLP collector exited before it listened" >&2; cat target/demo-spans.err >&2; exit 1; }
  sleep 0.1
done
[ -s "$OTLP_FILE" ] || { echo "demo: the OTLP collector did not start within 15 s" >&2; exit 1; }
BASE_URL="http://127.0.0.1:$(cat "$PORT_FILE")"

echo
echo "==> The sample app, with the agent attached, asks the simulator at $BASE_URL two questions"
java -javaagent:"$AGENT" \
  -Dopenrouter.audit.hosts=127.0.0.1 \
  -Dopenrouter.audit.journal.dir="$JOURNAL" \
  -Dotel.exporter.otlp.endpoint="$(cat "$OTLP_FILE")" -Dotel.service.name=sample-chat-app \
  -cp "$APPS" io.openrouteraudit.apps.SampleChatApp "$BASE_URL"

echo
echo "\$ java -jar $AGENT export --dir $JOURNAL"
java -jar "$AGENT" export --dir "$JOURNAL"

echo
echo "\$ java -jar $AGENT verify --dir $JOURNAL"
java -jar "$AGENT" verify --dir "$JOURNAL"

echo
echo "==> The spans the agent exported to the local OTLP collector at $(cat "$OTLP_FILE")"
touch "$SPANS_STOP"
wait "$SPANS_PID" || true
SPANS_PID=""
cat "$SPANS_OUT"
