#!/usr/bin/env bash
# Builds a self-contained application image (and, with --type deb|rpm, an installer) from
# target/handshake.jar with the JDK's jpackage. Run ./mvnw -DskipTests package first.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)"
[ -f target/handshake.jar ] || { echo "target/handshake.jar missing: run ./mvnw -DskipTests package" >&2; exit 2; }
rm -rf target/jpackage-input && mkdir -p target/jpackage-input target/dist
cp target/handshake.jar target/jpackage-input/
args=(--type "$type" --name handshake --app-version "$version" --vendor "Handshake"
      --input target/jpackage-input --main-jar handshake.jar --main-class dev.handshake.Launcher
      --icon packaging/icon.png --dest target/dist)
if [ "$type" = deb ] || [ "$type" = rpm ]; then
  args+=(--linux-shortcut --linux-menu-group Development --file-associations packaging/linux/nginx-conf.properties)
fi
jpackage "${args[@]}"
echo "built target/dist ($type)"
