#!/usr/bin/env bash
# Product listing benchmark (issue #4 item 7): gateway vs direct vs raw SQL (pgbench) on one machine.
# Usage: benchmarks/product-listing/run.sh            (DURATION=20 CONCURRENCY=16 CACHE=true by default)
#        CACHE=false benchmarks/product-listing/run.sh (every request reaches PostgreSQL)
# Needs pgbench on PATH (Debian: apt-get install postgresql-contrib) or PGBENCH=/path/to/pgbench.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${SKIP_BUILD:-false}" != "true" ]]; then
  ./mvnw -o -q -pl launcher -am install -DskipTests
fi
cp_file=target/product-listing-benchmark.classpath
mkdir -p target
./mvnw -o -q -pl launcher dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=runtime
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "launcher/target/classes:$(cat "$cp_file")" \
  benchmarks/product-listing/ProductListingBenchmark.java "$@"
