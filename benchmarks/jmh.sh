#!/usr/bin/env bash
# Builds (no install), then runs the hot-path JMH benchmarks with allocation per operation.
# Arguments pass to JMH, e.g. benchmarks/jmh.sh HotPathBenchmark.redact2k -f 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl benchmarks -am -DskipTests
cd benchmarks
exec java -cp "target/classes:$(cat target/benchmark.classpath)" org.openjdk.jmh.Main -prof gc \
    "${@:-HotPathBenchmark|RecordEncodingBenchmark|JournalAppendBenchmark|ExchangeCaptureBenchmark|RecordPipelineBenchmark}"
