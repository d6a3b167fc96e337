#!/usr/bin/env bash
# Builds the agent and this module (no install), then runs the comparison: three client stacks x
# no agent / ours / the OpenTelemetry Java agent, alternating. Arguments pass through, e.g.
#   benchmarks/compare.sh rounds=1 calls=5000 clients=jdk,okhttp
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl benchmarks -am -DskipTests
cd benchmarks
exec java -cp "target/classes:$(cat target/benchmark.classpath)" io.openrouteraudit.bench.AgentOverheadComparison "$@"
