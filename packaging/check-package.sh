#!/usr/bin/env bash
# Checks the .deb that packaging/dist.sh built, as installed files rather than as a build tree: extracts
# it with dpkg-deb -x into a temporary directory and runs the `handshake` inside on a broken config
# (exit 1), a clean one (exit 0) and a mistyped command (exit 2), proves the start-up archive still maps
# there, and starts its editor headless (xvfb-run or the current DISPLAY) until the window has drawn its
# first frames. Any failure exits 1, so a broken package fails CI. Run by `./mvnw -Pdist verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

failures=0
pass() { echo "[package] ok: $*"; }
bad() { echo "[package] FAILED: $*" >&2; failures=$((failures + 1)); }

deb="$(ls target/dist/handshake_*.deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] || { echo "[package] FAILED: no target/dist/handshake_*.deb (run ./mvnw -Pdist package)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
dpkg-deb -e "$deb" "$tmp/control"
app="$tmp/root/opt/handshake"
handshake="$app/lib/handshake.sh"   # what postinst links as /usr/bin/handshake
launcher="$app/bin/handshake"       # jpackage's launcher, which the menu entry runs
echo "[package] $(basename "$deb"): $(du -h "$deb" | cut -f1), extracted to $tmp"

# What the package declares and installs.
depends="$(sed -n 's/^Depends: //p' "$tmp/control/control")"
for needed in libgtk-3-0 libgl1 xdg-utils fonts-dejavu-core; do
  [[ ", $depends" == *[\ ,]"$needed"[\ ,]* ]] && pass "Depends has $needed" || bad "Depends lacks $needed: $depends"
done
[[ "$depends" != *libasound2* ]] && pass "Depends has no sound library" || bad "Depends pulls in ALSA"
grep -q 'ln -sf /opt/handshake/lib/handshake.sh /usr/bin/handshake' "$tmp/control/postinst" \
  && pass "postinst puts handshake on the PATH" || bad "postinst does not link /usr/bin/handshake"
grep -q 'xdg-desktop-menu install' "$tmp/control/postinst" \
  && pass "postinst installs the menu entry" || bad "postinst does not install the desktop entry"
desktop="$app/lib/handshake-handshake.desktop"
if [ -f "$desktop" ]; then
  grep -qx 'Exec=/opt/handshake/bin/handshake %f' "$desktop" && pass "desktop entry runs the launcher with the file" \
    || bad "desktop entry Exec: $(grep '^Exec' "$desktop")"
  grep -q '^MimeType=.*text/x-nginx-conf' "$desktop" && pass "desktop entry opens text/x-nginx-conf" \
    || bad "desktop entry has no text/x-nginx-conf"
  grep -qx 'Icon=/opt/handshake/lib/handshake.png' "$desktop" && [ -s "$app/lib/handshake.png" ] \
    && pass "desktop entry has its icon" || bad "desktop entry icon missing"
else
  bad "no desktop entry in the package"
fi
grep -q '<glob pattern="\*.conf"' "$app"/lib/*MimeInfo.xml 2>/dev/null && pass "MIME type text/x-nginx-conf matches *.conf" \
  || bad "no MIME type for *.conf"

# The command line.
expect() {  # expect CODE DESCRIPTION COMMAND...: runs COMMAND, output in $tmp/out, and checks its exit code
  local code="$1" what="$2" actual=0
  shift 2
  "$@" > "$tmp/out" 2>&1 || actual=$?
  if [ "$actual" = "$code" ]; then pass "$what (exit $code)"; else bad "$what: exit $actual, expected $code"; sed 's/^/    /' "$tmp/out" >&2; fi
}
expect 1 "handshake check on a broken config" "$handshake" check "$root/packaging/check/broken.conf"
grep -q '\[upstream-sni-off\]' "$tmp/out" && pass "the broken config's SNI error is reported" || bad "no upstream-sni-off finding"
expect 0 "handshake check on a clean config" "$handshake" check "$root/packaging/check/clean.conf"
expect 2 "a mistyped command" "$handshake" chekc "$root/packaging/check/clean.conf"
grep -q "did you mean check" "$tmp/out" && pass "the mistyped command gets a suggestion" || bad "no 'did you mean check'"
expect 0 "handshake --version" "$handshake" --version
grep -q '^handshake [0-9]' "$tmp/out" && pass "--version names a version: $(cat "$tmp/out")" || bad "--version: $(cat "$tmp/out")"
expect 1 "bin/handshake check on a broken config" "$launcher" check "$root/packaging/check/broken.conf"

if [ -f "$app/lib/app/handshake.aot" ]; then
  for command in "$handshake" "$launcher"; do
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info" "$command" check "$root/packaging/check/clean.conf" > "$tmp/classes" 2>&1 || true
    grep -q 'dev.handshake.Launcher source: shared objects file' "$tmp/classes" \
      && pass "the start-up archive maps in the extracted tree ($(basename "$command"))" \
      || bad "the start-up archive is not used where the package was extracted ($(basename "$command"))"
  done
fi

# The editor, headless: -Dhandshake.smokeTest=true closes it once its window has drawn its first frames.
home="$tmp/home"
mkdir -p "$home"
for command in "$handshake" "$launcher"; do
  editor=(env HOME="$home" XDG_CONFIG_HOME="$home/.config" JAVA_TOOL_OPTIONS="-Dhandshake.smokeTest=true -Djava.util.prefs.userRoot=$home/prefs"
          timeout 120 "$command" "$root/packaging/check/broken.conf")
  what="the editor ($(basename "$command")) opens a config and draws its window"
  if [ -n "${DISPLAY:-}" ]; then
    expect 0 "$what (DISPLAY=$DISPLAY)" "${editor[@]}"
  elif command -v xvfb-run >/dev/null 2>&1; then
    expect 0 "$what (xvfb-run)" xvfb-run -a "${editor[@]}"
  else
    bad "no DISPLAY and no xvfb-run: cannot start the editor (apt-get install xvfb xauth)"
    break
  fi
  if grep -q -i -E 'exception|cannot open the editor' "$tmp/out"; then bad "the editor printed an error"; sed 's/^/    /' "$tmp/out" >&2; fi
done

if [ "$failures" -gt 0 ]; then
  echo "[package] $failures check(s) failed" >&2
  exit 1
fi
echo "[package] all checks passed"
