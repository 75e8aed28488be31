#!/usr/bin/env python3
"""Issue 13's benchmark: what the user waits for. Runs `./shikumi train` (the launcher, as users run it) and the
PyTorch script on the same job alternately, ROUNDS times, and prints for each whole process the wall time, the
CPU time (user + system, children included) and the peak resident memory, each epoch's seconds, the test
accuracy, and the medians and ratios; with the CPU's vector width and the load average before and after.

The job: Fashion-MNIST, 784-128-10, sigmoid hidden layer, softmax + cross-entropy, SGD with momentum 0.9 and lr 0.1
on the batch's mean loss, batch 100, 5 epochs, float32. PyTorch runs with 1 thread (its best setting at batch 100
on this machine: see shikumi-bench/README.md) unless --torch-threads says otherwise; shikumi with its defaults.

--as-avx2 runs both as on an AVX2 CPU (256-bit vectors, 16 vector registers) where the CPU has AVX-512: the JVM with
-XX:UseAVX=2 (C2 then emits AVX2 code only, so the Vector API offers 256-bit vectors and 16 registers, and shikumi
takes its AVX2 tiles), PyTorch with OPENBLAS_CORETYPE=Haswell (OpenBLAS's AVX2 kernels) and ATEN_CPU_CAPABILITY=avx2
(PyTorch's own kernels). A stand-in on the same cores, not an AVX2 machine.

--book runs the book's job instead, process against process: `./shikumi train --json` (500 iterations of the
20-3-4 network on the 128 images, JVM start included) against `pytorch/book_job.py --once` (the same job in PyTorch
autograd, float64, 1 thread, Python start and torch's import included), ROUNDS times each, alternately.

Usage (from the repository root): /usr/bin/python3 shikumi-bench/user_wait.py [--rounds 3] [--epochs 5] [--as-avx2]
       /usr/bin/python3 shikumi-bench/user_wait.py --book [--rounds 10]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, env=None):
    """Wall seconds, CPU seconds, peak RSS in MB and stdout of one whole process."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                         env=dict(os.environ, **(env or {})))
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: " + " ".join(cmd))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


AS_AVX2 = {"shikumi": {"SHIKUMI_JAVA_OPTS": "-XX:UseAVX=2"},
           "PyTorch": {"OPENBLAS_CORETYPE": "Haswell", "ATEN_CPU_CAPABILITY": "avx2"}}


def shikumi(folder, epochs, env=None):
    wall, cpu, rss, out = run([os.path.join(ROOT, "shikumi"), "train", "--data", "idx:" + folder, "--layers",
                               "784,128,10", "--output", "softmax", "--batch", "100", "--epochs", str(epochs), "--json"],
                              env)
    j = json.loads(out)
    settings = dict(j["settings"], warmUpSeconds=round(j.get("warmUpSeconds", 0), 3))  # the wait before epoch 1
    return wall, cpu, rss, [e["seconds"] for e in j["epochs"]], j["epochs"][-1]["testAccuracy"], settings


def pytorch(folder, epochs, threads, env=None):
    wall, cpu, rss, out = run([sys.executable, os.path.join(HERE, "pytorch", "fashion_mnist_epoch.py"), "--threads",
                               str(threads), "--epochs", str(epochs), "--dir", folder], env)
    lines = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    return wall, cpu, rss, [e["seconds"] for e in lines], lines[-1]["testAccuracy"], {"threads": threads}


def book(rounds):
    """The book's job, whole processes: medians of wall, CPU and peak RSS, and shikumi / PyTorch."""
    rows = {"shikumi": [], "PyTorch": []}
    for _ in range(rounds):
        w, c, r, out = run([os.path.join(ROOT, "shikumi"), "train", "--json"])
        rows["shikumi"].append((w, c, r, json.loads(out)["iterations"]))
        w, c, r, out = run([sys.executable, os.path.join(HERE, "pytorch", "book_job.py"), "--once"])
        rows["PyTorch"].append((w, c, r, 500))
    print("load after:", open("/proc/loadavg").read().strip())
    print()
    print("| book's job, whole process (median of %d) | wall (s) | CPU (s) | peak RSS (MB) | iterations |" % rounds)
    print("|---|---|---|---|---|")
    med = {}
    for name, runs in rows.items():
        med[name] = [statistics.median(x[i] for x in runs) for i in range(3)]
        print("| %s | %.3f | %.3f | %.0f | %d |" % (name, med[name][0], med[name][1], med[name][2], runs[0][3]))
    s, t = med["shikumi"], med["PyTorch"]
    print("| shikumi / PyTorch | %.2f | %.2f | %.2f | |" % (s[0] / t[0], s[1] / t[1], s[2] / t[2]))


def vector_width():
    flags = open("/proc/cpuinfo").read()
    return "AVX-512 (512-bit)" if " avx512f" in flags else "AVX2 (256-bit)" if " avx2" in flags else "128-bit or other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--torch-threads", type=int, default=1)
    ap.add_argument("--as-avx2", action="store_true", help="both as on an AVX2 CPU, where this one has AVX-512")
    ap.add_argument("--book", action="store_true", help="the book's job, whole processes, instead")
    a = ap.parse_args()
    model = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    print("CPU: %s, %d cores, vector width %s" % (model, os.cpu_count(), vector_width()))
    if a.as_avx2 and not vector_width().startswith("AVX-512"):
        sys.exit("--as-avx2 needs a CPU with AVX-512 (on an AVX2 CPU, run without it)")
    envs = AS_AVX2 if a.as_avx2 else {}
    if a.as_avx2:
        print("run as on AVX2:", json.dumps(AS_AVX2))
    print("load before:", open("/proc/loadavg").read().strip())
    subprocess.run([os.path.join(ROOT, "shikumi"), "--version"], check=True, capture_output=True)  # build first
    if a.book:
        subprocess.run([os.path.join(ROOT, "shikumi"), "train", "--json"], check=True, capture_output=True)  # its CDS
        book(a.rounds)
        return
    rows = {"shikumi": [], "PyTorch": []}
    for rnd in range(a.rounds):
        rows["shikumi"].append(shikumi(a.dir, a.epochs, envs.get("shikumi")))
        rows["PyTorch"].append(pytorch(a.dir, a.epochs, a.torch_threads, envs.get("PyTorch")))
    print("load after:", open("/proc/loadavg").read().strip())
    print()
    print("| run | round | wall (s) | CPU (s) | peak RSS (MB) | epochs (s) | test accuracy |")
    print("|---|---|---|---|---|---|---|")
    for name, runs in rows.items():
        for i, (wall, cpu, rss, ep, acc, _) in enumerate(runs):
            print("| %s | %d | %.2f | %.2f | %.0f | %s | %.4f |" % (name, i + 1, wall, cpu, rss,
                                                                   ", ".join("%.2f" % s for s in ep), acc))
    print()
    med = {}
    for name, runs in rows.items():
        med[name] = {
            "wall": statistics.median(r[0] for r in runs),
            "cpu": statistics.median(r[1] for r in runs),
            "rss": statistics.median(r[2] for r in runs),
            "first": statistics.median(r[3][0] for r in runs),
            "steady": statistics.median(s for r in runs for s in r[3][1:]),
            "accuracy": statistics.median(r[4] for r in runs),
        }
    s, t = med["shikumi"], med["PyTorch"]
    print("| median | wall (s) | CPU (s) | peak RSS (MB) | epoch 1 (s) | steady epoch (s) | test accuracy |")
    print("|---|---|---|---|---|---|---|")
    for name, m in med.items():
        print("| %s | %.2f | %.2f | %.0f | %.2f | %.2f | %.4f |" % (name, m["wall"], m["cpu"], m["rss"], m["first"],
                                                                  m["steady"], m["accuracy"]))
    print("| shikumi / PyTorch | %.2f | %.2f | %.2f | %.2f | %.2f | |" % (
        s["wall"] / t["wall"], s["cpu"] / t["cpu"], s["rss"] / t["rss"], s["first"] / t["first"], s["steady"] / t["steady"]))
    print("shikumi's epoch 1 / its steady epoch: %.2f" % (s["first"] / s["steady"]))
    print("shikumi's warm-up before epoch 1 (s), each round:", ", ".join("%.2f" % r[5]["warmUpSeconds"] for r in rows["shikumi"]))
    print("shikumi settings:", json.dumps(rows["shikumi"][0][5]))


if __name__ == "__main__":
    main()
