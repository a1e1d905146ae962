#!/usr/bin/env bash
# notification-service benchmark (issue #3): p95 from event published to SMTP accepted.
# Usage: benchmarks/notification/run.sh [events=500] [ratePerSecond=50]
# Builds notification-service (offline) unless SKIP_BUILD=true; not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${SKIP_BUILD:-false}" != "true" ]]; then
  ./mvnw -o -q -pl services/notification-service -am install -DskipTests
fi
cp_file=target/notification-benchmark.classpath
mkdir -p target
./mvnw -o -q -pl services/notification-service dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx768m -cp "services/notification-service/target/classes:$(cat "$cp_file")" \
  benchmarks/notification/NotificationBenchmark.java "$@"
