#!/usr/bin/env bash
# Whole-process time of `shikumi export-xlsx` on the bundled aple set (128 images, 20-3-4, η = 0.05, 500
# iterations), JVM start included, against a baseline measured in the same run: `shikumi train --json` (the
# same JVM start, data and training, no workbook). Runs alternate; prints medians of wall and CPU (user+sys)
# seconds, their ratio, and the workbook's size. Usage: shikumi-bench/xlsx-export-time.sh [RUNS] [JAVA_OPTS...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/shikumi-cli/target/shikumi.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests -pl shikumi-cli -am package)
runs="${1:-11}"
shift || true
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -a -o "$tmp/train" java "$@" -jar "$jar" train --json >/dev/null
  /usr/bin/time -f "%e %U %S" -a -o "$tmp/export" java "$@" -jar "$jar" export-xlsx --out "$tmp/aple.xlsx" --force >/dev/null
done
python3 - "$tmp" "$runs" <<'PY'
import os, statistics, sys
tmp, runs = sys.argv[1], sys.argv[2]
def medians(name):
    rows = [list(map(float, l.split())) for l in open(os.path.join(tmp, name)) if l.strip() and l[0].isdigit()]
    return statistics.median(r[0] for r in rows), statistics.median(r[1] + r[2] for r in rows)
tw, tc = medians("train")
ew, ec = medians("export")
size = os.path.getsize(os.path.join(tmp, "aple.xlsx"))
print(f"runs: {runs} each, alternating; cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.1f}")
print(f"baseline  shikumi train --json        wall {tw:.2f} s  cpu {tc:.2f} s")
print(f"xlsx      shikumi export-xlsx (aple)  wall {ew:.2f} s  cpu {ec:.2f} s")
print(f"ratio export/baseline                 wall {ew / tw:.2f}    cpu {ec / tc:.2f}")
print(f"workbook size {size} bytes ({size / 1024:.0f} KiB)")
PY
