#!/bin/sh
# Builds the PostgreSQL jar into target/pg-app without touching the H2 jar in target/quarkus-app
# (the database kind is fixed at build time: docs/decisions/0002-database-profiles.md). It builds
# in a copy of the sources, so the two jars can sit side by side for the kill tests
# (kz.adal.attempt.AnswersSurviveAKilledServerTest, docs/reliability.md).
set -eu
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
tar --exclude=./target --exclude=./data --exclude=./.git -cf - . | (cd "$copy" && tar -xf -)
(cd "$copy" && mvn -q -B package -DskipTests -Dquarkus.profile=pg -Dadal.vision.fetch.skip=true)
rm -rf target/pg-app
mkdir -p target
cp -r "$copy/target/quarkus-app" target/pg-app
echo "PostgreSQL jar: target/pg-app/quarkus-run.jar"
