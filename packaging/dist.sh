#!/usr/bin/env bash
# Builds the desktop packages into target/dist: an app image (target/dist/handshake, also as a .tar.gz)
# and, on Linux with dpkg-deb, a .deb. Run through `./mvnw -Pdist package`, which passes the version and
# the runtime class path:
#
#   packaging/dist.sh VERSION CLASSPATH
#
# Steps: the app's classes become handshake.jar; the JavaFX modular jars of the class path are linked
# with the JDK modules the jars need into a trimmed runtime (jlink), their native libraries moved into
# the runtime's lib/ (so they load from there instead of being unpacked into ~/.openjfx on first start);
# jpackage builds the launcher (`handshake`, CLI and editor in one); a start-up archive of the loaded
# classes is recorded by a training run; on Linux lib/handshake.sh becomes the `handshake` on the PATH;
# jpackage wraps the image into a .deb.
#
# The packaged runtime comes from DIST_JDK (-Ddist.jdk=...), else the building JDK if it is 25 or newer,
# else the newest JDK 25+ found in the usual places, else the building JDK. Only a JDK 25+ runtime gets a
# start-up archive: JDK 25's AOT cache still maps after the image is moved or installed elsewhere, while
# a JDK 17 CDS archive is tied to the absolute paths it was made at and is silently ignored anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
version="${1:?usage: dist.sh VERSION CLASSPATH}"
classpath="${2:?usage: dist.sh VERSION CLASSPATH}"
app_version="${version%%-*}"   # jpackage and dpkg want digits: 0.1.0-SNAPSHOT packages as 0.1.0
out="$root/target/dist"
work="$root/target/dist-work"

say() { echo "[dist] $*"; }
limited() { if command -v timeout >/dev/null 2>&1; then timeout 180 "$@"; else "$@"; fi; }  # macOS has no timeout
fail() { echo "[dist] error: $*" >&2; exit 1; }

java_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

pick_jdk() {
  if [ -n "${DIST_JDK:-}" ]; then echo "$DIST_JDK"; return; fi
  local build="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  if [ "$(java_feature "$build")" -ge 25 ] 2>/dev/null; then echo "$build"; return; fi
  local candidate best="" best_feature=0 feature
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/jpackage" ] && [ -x "$candidate/bin/jlink" ] || continue
    feature="$(java_feature "$candidate")"
    if [ "${feature:-0}" -ge 25 ] 2>/dev/null && [ "$feature" -gt "$best_feature" ]; then
      best="$candidate"; best_feature="$feature"
    fi
  done
  echo "${best:-$build}"
}

jdk="$(pick_jdk)"
[ -x "$jdk/bin/jlink" ] && [ -x "$jdk/bin/jpackage" ] || fail "no jlink/jpackage in $jdk (set -Ddist.jdk=PATH to a full JDK)"
feature="$(java_feature "$jdk")"
say "packaged runtime: $jdk (Java $feature)"

case "$(uname -s)" in
  Linux*) native_dir=lib; native_glob='*.so' ;;
  Darwin*) native_dir=lib; native_glob='*.dylib' ;;
  *) native_dir=bin; native_glob='*.dll' ;;
esac

rm -rf "$out" "$work"
mkdir -p "$out" "$work/input" "$work/fxmods" "$work/natives"

# 1. The class path: the app's classes, the JavaFX modules, everything else as plain jars.
separator=":"
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) separator=";" ;; esac
IFS="$separator" read -r -a entries <<< "$classpath"
for entry in "${entries[@]}"; do
  name="$(basename "$entry")"
  if [ -d "$entry" ]; then
    # With the pom.properties Maven's jar plugin would add: `handshake --version` reads it.
    mkdir -p "$work/meta/META-INF/maven/dev.handshake/handshake"
    printf 'groupId=dev.handshake\nartifactId=handshake\nversion=%s\n' "$version" \
      > "$work/meta/META-INF/maven/dev.handshake/handshake/pom.properties"
    "$jdk/bin/jar" --create --file "$work/input/handshake.jar" --main-class dev.handshake.Launcher \
      -C "$entry" . -C "$work/meta" .
  elif [[ "$name" =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then
    # The platform jar of a JavaFX module (the one without a classifier is an empty placeholder). Its
    # native libraries move to the runtime's lib/; the module goes to jlink without them.
    unpacked="$work/unpacked/$name"
    mkdir -p "$unpacked"
    (cd "$unpacked" && "$jdk/bin/jar" --extract --file "$entry")
    find "$unpacked" -maxdepth 1 -name "$native_glob" -exec mv {} "$work/natives/" \;
    rm -f "$unpacked/javafx-swt.jar" "$unpacked/META-INF/MANIFEST.MF"
    "$jdk/bin/jar" --create --file "$work/fxmods/$name" -C "$unpacked" .
  elif [[ "$name" != javafx-* ]] && [[ "$name" == *.jar ]]; then
    cp "$entry" "$work/input/"
  fi
done
[ -f "$work/input/handshake.jar" ] || fail "no classes directory on the class path"
ls "$work/fxmods"/*.jar >/dev/null 2>&1 || fail "no JavaFX platform jars on the class path"

# 2. A runtime with only the modules the jars use (jdeps), JavaFX included.
modules="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$work/fxmods" --class-path "$work/input/*" "$work/input"/*.jar 2>/dev/null | tail -1)"
[ -n "$modules" ] || fail "jdeps found no modules"
say "runtime modules: $modules"
# Before JDK 25 the runtime keeps the JDK's own CDS archive of its classes (it maps anywhere); from 25 on,
# step 4's AOT cache takes its place.
cds=()
if [ "$feature" -lt 25 ]; then cds=(--generate-cds-archive); fi
# Modules stay uncompressed: --compress=zip-6 shrinks the installed runtime by 36 MB but grows the .deb
# from 35 to 50 MB and the .tar.gz from 49 to 58 MB (xz and gzip do better on the raw classes).
"$jdk/bin/jlink" --module-path "$work/fxmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages ${cds[@]+"${cds[@]}"} \
  --output "$work/runtime"
rm -f "$work/runtime/bin/keytool" "$work/runtime/bin/keytool.exe"   # bin/java stays: see lib/handshake.sh
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"   # only for heaps over 32 GB
cp "$work/natives"/* "$work/runtime/$native_dir/"
# java.desktop (which JavaFX requires) brings the sound library; nothing here plays sound, and on Linux
# it alone would make the package depend on ALSA.
rm -f "$work/runtime/lib/libjsound.so"

# 3. The app image. SerialGC: one user, a small heap, the quickest start; pinning it also keeps the
# start-up archive valid on machines where ergonomics would pick another collector.
java_options=(-XX:+UseSerialGC)
if [ "$feature" -ge 22 ]; then java_options+=(--enable-native-access=javafx.graphics); fi
if [ "$feature" -ge 23 ]; then java_options+=(--sun-misc-unsafe-memory-access=allow); fi  # JavaFX 21's Marlin renderer
jpackage_options=()
for option in "${java_options[@]}"; do jpackage_options+=(--java-options "$option"); done
icon="$root/packaging/icon.png"
case "$(uname -s)" in
  Darwin*) [ -f "$root/packaging/macos/handshake.icns" ] && icon="$root/packaging/macos/handshake.icns" || icon="" ;;
  Linux*) ;;
  *) [ -f "$root/packaging/windows/handshake.ico" ] && icon="$root/packaging/windows/handshake.ico" || icon="" ;;
esac
common=(--name handshake --app-version "$app_version" --vendor Handshake
        --description "Find and fix broken or unsafe TLS to upstream servers in nginx configs"
        --copyright "Apache-2.0")
[ -n "$icon" ] && common+=(--icon "$icon")
"$jdk/bin/jpackage" --type app-image "${common[@]}" \
  --runtime-image "$work/runtime" --input "$work/input" \
  --main-jar handshake.jar --main-class dev.handshake.Launcher \
  "${jpackage_options[@]}" --dest "$out"

image="$out/handshake"
launcher="$image/bin/handshake"
app_dir="$image/lib/app"
[ -x "$launcher" ] || { image="$out/handshake.app"; launcher="$image/Contents/MacOS/handshake"; app_dir="$image/Contents/app"; }
[ -x "$launcher" ] || { image="$out/handshake"; launcher="$image/handshake.exe"; app_dir="$image/app"; }
[ -e "$launcher" ] || fail "jpackage made no launcher"

# 4. The start-up archive (JDK 25+): a training run records the classes the editor loads (it lints the
# bundled example, so most of the checker too) when a display or xvfb-run is at hand, else a CLI check.
if [ "$feature" -ge 25 ]; then
  home="$work/training-home"
  mkdir -p "$home"
  config="$work/handshake.aotconf"
  # Two steps (record, then create), each through the launcher so the class path is the packaged one;
  # the one-step -XX:AOTCacheOutput would need the bin/java that jlink left out.
  record=(env HOME="$home" XDG_CONFIG_HOME="$home/.config"
          JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$config -Dhandshake.smokeTest=true -Djava.util.prefs.userRoot=$home/prefs")
  if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    say "training the start-up archive on the editor (xvfb-run)"
    limited xvfb-run -a "${record[@]}" "$launcher" > "$work/training-editor.log" 2>&1 || true
  elif [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" != Linux ]; then
    say "training the start-up archive on the editor"
    limited "${record[@]}" "$launcher" > "$work/training-editor.log" 2>&1 || true
  fi
  if [ ! -s "$config" ]; then
    say "training the start-up archive on \`handshake check\` (no display for the editor)"
    "${record[@]}" "$launcher" check "$root/packaging/check/broken.conf" > "$work/training-check.log" 2>&1 || true
  fi
  [ -s "$config" ] || { cat "$work"/training-*.log >&2; fail "the training run recorded no classes"; }
  env JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$config -XX:AOTCache=$app_dir/handshake.aot" \
    "$launcher" > "$work/training-create.log" 2>&1 || true
  [ -s "$app_dir/handshake.aot" ] || { cat "$work/training-create.log" >&2; fail "no start-up archive was created"; }
  rm -f "$app_dir/handshake.aot.config"
  # The cache replaces the runtime's default CDS archive; -XX:AOTMode=auto starts without it if it
  # cannot be used (another JDK build), so the app still runs.
  echo "java-options=-XX:AOTCache=\$APPDIR/handshake.aot" >> "$app_dir/handshake.cfg"
  say "start-up archive: $(du -h "$app_dir/handshake.aot" | cut -f1)"
else
  say "note: Java $feature runtime: only the JDK's CDS archive, none for the app (a JDK 17 app archive maps only at the path it was made at); use -Ddist.jdk=<JDK 25+>"
fi

# 4b. Linux: lib/handshake.sh, the `handshake` command on the PATH. It starts the same JVM with the same
# options as bin/handshake (written from its .cfg, so the start-up archive matches), but without
# jpackage's launcher, which asks rpm and dpkg which package owns it on every start: measured 426 ms
# through bin/handshake and 282 ms through the script for `handshake check` (median of 5).
if [ "$(uname -s)" = Linux ]; then
  cfg="$app_dir/handshake.cfg"
  main_class="$(sed -n 's/^app.mainclass=//p' "$cfg")"
  cp_line="$(sed -n 's/^app.classpath=//p' "$cfg" | sed 's/\$APPDIR/$app\/app/g' | paste -sd: -)"
  {
    echo '#!/bin/sh'
    echo '# `handshake`: the command line and the editor. Written by packaging/dist.sh from app/handshake.cfg;'
    echo '# bin/handshake (jpackage'"'"'s launcher, used by the menu entry) runs the same.'
    echo 'app="$(dirname "$(readlink -f "$0")")"'
    echo '# The command line is short-lived: the C1 compiler alone starts it faster (measured: the 35k-line'
    echo '# corpus file went from 1.13x to 0.44x crossplane'"'"'s parse time); the editor keeps the full JIT.'
    echo 'jit='
    echo 'case "$1" in check|fix|parse|format|explain|rules|help|--help|-h|version|--version|-V) jit=-XX:TieredStopAtLevel=1 ;; esac'
    printf 'exec "$app/runtime/bin/java" $jit'
    sed -n 's/^java-options=//p' "$cfg" | sed 's/\$APPDIR/$app\/app/g' | while IFS= read -r option; do printf ' "%s"' "$option"; done
    printf ' -cp "%s" %s "$@"\n' "$cp_line" "$main_class"
  } > "$image/lib/handshake.sh"
  chmod 755 "$image/lib/handshake.sh"
fi

tar -C "$out" -czf "$out/handshake-$app_version-$(uname -s | tr 'A-Z' 'a-z')-$(uname -m).tar.gz" "$(basename "$image")"

# 5. The .deb: installs to /opt/handshake (jpackage's relocatable layout: with --install-dir /usr its
# launcher finds its files by asking dpkg, so an extracted package would not run); postinst links
# /usr/bin/handshake and adds the menu entry, icon and .conf type; Depends adds what no ldd sees (a font).
if [ "$(uname -s)" = Linux ] && command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  mkdir -p "$work/resources"
  cp "$root/packaging/linux/handshake.desktop" "$work/resources/handshake.desktop"
  cp "$root/packaging/linux/postinst" "$root/packaging/linux/prerm" "$work/resources/"
  "$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$image" \
    --linux-package-name handshake --linux-deb-maintainer "handshake@users.noreply.github.com" \
    --linux-app-category devel --linux-menu-group "Development" --linux-shortcut \
    --linux-package-deps "$(tr '\n' ' ' < "$root/packaging/linux/deb-depends")" \
    --file-associations "$root/packaging/linux/nginx-conf.properties" \
    --resource-dir "$work/resources" --dest "$out"
else
  say "no .deb: needs Linux with dpkg-deb and fakeroot (apt-get install dpkg-dev fakeroot)"
fi

say "built:"
(cd "$out" && du -sh "$(basename "$image")" ./*.tar.gz ./*.deb 2>/dev/null | sed 's/^/[dist]   /')
