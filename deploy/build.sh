#!/bin/sh
# Builds the artifact a university deploys: the PostgreSQL one (the database kind is fixed at build time,
# docs/decisions/0002-database-profiles.md). The plain `mvn package` jar is the embedded-H2 one of bin/demo.
# Output: target/quarkus-app/ (start it with java -jar target/quarkus-app/quarkus-run.jar).
set -eu
cd "$(dirname "$0")/.."
. bin/jdk.sh
mvn -B -DskipTests -Dquarkus.profile=pg package "$@"
echo "PostgreSQL build ready: target/quarkus-app/quarkus-run.jar"
