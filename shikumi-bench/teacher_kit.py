#!/usr/bin/env python3
"""Issue 15's speed targets, as a teacher meets them: whole processes of the launcher (a cold JVM each time, as
`./shikumi worksheet` runs from a terminal), ROUNDS times each, alternating, with the median wall and CPU time
(user + system) of each and the targets beside them:

- one worksheet with its key (`worksheet --answers --image 9`): < 0.5 s
- a class set of 30 sheets and their key file (`worksheet --seed 4 --count 30`): < 3 s
- the check of the book's full workbook (`check-xlsx`, 13,087 formula cells): < 3 s

Timing stays here, in a benchmark: the unit tests check what the commands write, never how fast.

Usage (from the repository root): /usr/bin/python3 shikumi-bench/teacher_kit.py [--rounds 5]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHIKUMI = os.path.join(ROOT, "shikumi")


def run(args):
    """Wall and CPU seconds of one whole process (its exit code must be 0, or 1 for check-xlsx's findings)."""
    start = time.perf_counter()
    p = subprocess.Popen([SHIKUMI] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: shikumi " + " ".join(args) + "\n" + err.decode(errors="replace"))
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    model = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    print("CPU: %s, %d cores" % (model, os.cpu_count()))
    print("load before:", open("/proc/loadavg").read().strip())
    with tempfile.TemporaryDirectory() as d:
        run(["--version"])  # builds the jar and the class-data archive first
        book = os.path.join(d, "book.xlsx")
        run(["export-xlsx", "--out", book])
        jobs = [
            ("one worksheet with its key", ["worksheet", "--answers", "--image", "9", "--lang", "en", "--force",
                                            "--out", os.path.join(d, "one.html")], 0.5),
            ("class set of 30 and its key", ["worksheet", "--seed", "4", "--count", "30", "--lang", "en", "--force",
                                             "--out", os.path.join(d, "class.html")], 3.0),
            ("check-xlsx of the book's workbook", ["check-xlsx", book], 3.0),
        ]
        times = {name: [] for name, _, _ in jobs}
        for _ in range(a.rounds):
            for name, args, _ in jobs:
                times[name].append(run(args))
    print("load after:", open("/proc/loadavg").read().strip())
    print()
    print("| job (whole process, %d rounds) | median wall (s) | median CPU (s) | target (wall) | met |" % a.rounds)
    print("|---|---|---|---|---|")
    for name, _, target in jobs:
        wall = statistics.median(t[0] for t in times[name])
        cpu = statistics.median(t[1] for t in times[name])
        print("| %s | %.3f | %.3f | < %.1f s | %s |" % (name, wall, cpu, target, "yes" if wall < target else "**no**"))


if __name__ == "__main__":
    main()
