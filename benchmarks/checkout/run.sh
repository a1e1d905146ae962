#!/usr/bin/env bash
# Order-to-confirmed latency (issue #8): a throw-away platform, the demo customer places ORDERS orders through the
# gateway and pays each with the offline Stripe provider; prints p50/p95/p99 from the order POST (and from the card
# confirmation) to the order showing CONFIRMED after the signed webhook.
# Usage: benchmarks/checkout/run.sh [orders=100]
# Builds with `package` in one reactor (never `install`: the local repository is shared); SKIP_BUILD=true reuses it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="$PWD/target/checkout-benchmark.classpath"
mkdir -p target
if [[ "${SKIP_BUILD:-false}" != "true" || ! -s "$cp_file" ]]; then
  ./mvnw -o -q -pl launcher -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
fi
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx1g ${JAVA_OPTS:-} -cp "launcher/target/classes:$(cat "$cp_file")" \
  benchmarks/checkout/CheckoutBenchmark.java "$@"
