#!/usr/bin/env bash
# Times `java -jar target/handshake.jar check FILE` against crossplane `parse` (pure Python, no
# analysis) on the 35k-line corpus config, generated 10k/100k-line configs of each SHAPE and (TINY=1,
# the default) 1,000,000 one-word top-level directives; interleaved in one run, median of RUNS
# (default 3), CPU time (user + sys) and peak RSS from /usr/bin/time -v. Prints a Markdown table of wall
# and CPU seconds; "ratio" is over the wall times, "CPU ratio" over the CPU times (on a shared machine
# the steadier one); "x 10k" is the 100k-line time over the 10k-line time of the same shape (linear
# growth is 10), in CPU time.
# Usage (from the checkout, after ./mvnw -DskipTests package):
#   src/tools/bench/cli-vs-crossplane.sh [SHAPE...]
#   (default shapes: shared-upstream upstream-per-server verify-off variable-scheme no-tls;
#    JAVA_FLAGS="-XX:TieredStopAtLevel=1" measures JVM flags a launcher could pass, JAR=FILE another build)
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${RUNS:-3}
JAVA=${JAVA:-java}
JAVA_FLAGS=${JAVA_FLAGS:-}
JAR=${JAR:-target/handshake.jar}
TINY=${TINY:-1}
SHARED=${SHARED:-../shared}
OUT=${OUT:-$(mktemp -d)}
SHAPES=("$@")
[ ${#SHAPES[@]} -eq 0 ] && SHAPES=(shared-upstream upstream-per-server verify-off variable-scheme no-tls)
[ -f target/handshake.jar ] && [ -d target/test-classes ] || { echo "run ./mvnw -DskipTests package first" >&2; exit 2; }

files=("$SHARED/corpus/large/nginx.conf")
for shape in "${SHAPES[@]}"; do
  for n in 10000 100000; do
    f="$OUT/$shape-$n.conf"
    "$JAVA" -cp target/test-classes dev.handshake.bench.ConfigGenerator "$shape" "$n" "$f"
    files+=("$f")
  done
done
if [ "$TINY" = 1 ]; then
  "$JAVA" -cp target/test-classes dev.handshake.bench.ConfigGenerator tiny 1000000 "$OUT/tiny-1000000.conf"
  files+=("$OUT/tiny-1000000.conf")
fi

# measure CMD... -> "wall-seconds cpu-seconds kilobytes"
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local wall cpu rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(sed -n 's/.*\(User\|System\) time (seconds): //p' "$log" | awk '{ s += $1 } END { print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  rm -f "$log"
  echo "$wall $cpu $rss"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '| input | lines | handshake wall / CPU | peak RSS | crossplane wall / CPU | peak RSS | ratio | CPU ratio | x 10k |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
declare -A small
for f in "${files[@]}"; do
  hs_t=(); hs_c=(); hs_m=(); cp_t=(); cp_c=(); cp_m=()
  for ((i = 0; i < RUNS; i++)); do
    # shellcheck disable=SC2086
    read -r t c m < <(measure "$JAVA" $JAVA_FLAGS -jar "$JAR" check "$f"); hs_t+=("$t"); hs_c+=("$c"); hs_m+=("$m")
    read -r t c m < <(measure env PYTHONPATH="$SHARED/tools/crossplane" python3 -m crossplane parse "$f" -o /dev/null); cp_t+=("$t"); cp_c+=("$c"); cp_m+=("$m")
  done
  ht=$(printf '%s\n' "${hs_t[@]}" | median); hc=$(printf '%s\n' "${hs_c[@]}" | median); hm=$(printf '%s\n' "${hs_m[@]}" | median)
  ct=$(printf '%s\n' "${cp_t[@]}" | median); cc=$(printf '%s\n' "${cp_c[@]}" | median); cm=$(printf '%s\n' "${cp_m[@]}" | median)
  name=$(basename "$f" .conf); growth=""
  case "$name" in
    *-10000) small[${name%-10000}]=$hc ;;
    *-100000) [ -n "${small[${name%-100000}]:-}" ] && growth=$(awk -v a="$hc" -v b="${small[${name%-100000}]}" 'BEGIN { printf "%.1f", a / b }') ;;
  esac
  printf '| %s | %d | %.2f / %.2f s | %d MB | %.2f / %.2f s | %d MB | %.2f | %.2f | %s |\n' "$name" "$(wc -l < "$f")" \
    "$ht" "$hc" $((hm / 1024)) "$ct" "$cc" $((cm / 1024)) "$(awk -v a="$ht" -v b="$ct" 'BEGIN { print a / b }')" \
    "$(awk -v a="$hc" -v b="$cc" 'BEGIN { print a / b }')" "$growth"
done
