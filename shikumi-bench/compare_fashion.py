#!/usr/bin/env python3
"""Issue 6's benchmark: one Fashion-MNIST epoch of shikumi (float path) against PyTorch CPU, in the same run.

Both train the same network the same way: 784-128-10, sigmoid hidden layer, softmax + cross-entropy, SGD with
momentum 0.9 and lr 0.1 on the batch's mean loss, batch 100, 5 epochs over the 60,000 training images, float32;
each with 1 and with 2 threads. An epoch's time is the training loop alone (no evaluation). Reported: the median
of epochs 2-5 (epoch 1 includes JIT warm-up for shikumi: it runs the plain kernels until the Vector API ones are
compiled), epoch 1 on its own, and the test accuracy after epoch 5.

Usage (from the repository root): /usr/bin/python3 shikumi-bench/compare_fashion.py [--dir DIR] [--rounds 1]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def shikumi(folder, threads):
    out = subprocess.run([os.path.join(ROOT, "shikumi"), "train", "--data", "idx:" + folder, "--layers", "784,128,10",
                          "--output", "softmax", "--batch", "100", "--epochs", "5", "--threads", str(threads), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return [(e["seconds"], e["testAccuracy"]) for e in json.loads(out)["epochs"]]


def pytorch(folder, threads):
    out = subprocess.run([sys.executable, os.path.join(HERE, "pytorch", "fashion_mnist_epoch.py"), "--threads",
                          str(threads), "--epochs", "5", "--dir", folder], check=True, capture_output=True, text=True).stdout
    return [(e["seconds"], e["testAccuracy"]) for e in map(json.loads, out.splitlines())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--rounds", type=int, default=1, help="repeat every run this many times (medians over all)")
    a = ap.parse_args()
    print("load before:", open("/proc/loadavg").read().strip())
    rows = {}
    for rnd in range(a.rounds):
        for name, run in (("shikumi", shikumi), ("PyTorch", pytorch)):
            for threads in (1, 2):
                epochs = run(a.dir, threads)
                r = rows.setdefault((name, threads), {"steady": [], "first": [], "accuracy": []})
                r["steady"] += [s for s, _ in epochs[1:]]
                r["first"].append(epochs[0][0])
                r["accuracy"].append(epochs[-1][1])
    print("load after:", open("/proc/loadavg").read().strip())
    print("| run | threads | epoch, median of 2-5 (s) | epoch 1 (s) | test accuracy after 5 epochs |")
    print("|---|---|---|---|---|")
    best = {}
    for (name, threads), r in rows.items():
        m = statistics.median(r["steady"])
        best[name] = min(best.get(name, float("inf")), m)
        print("| %s | %d | %.3f | %.3f | %.4f |" % (name, threads, m, statistics.median(r["first"]),
                                                   statistics.median(r["accuracy"])))
    print("best shikumi / best PyTorch: %.3f s / %.3f s = %.2f" % (best["shikumi"], best["PyTorch"],
                                                                   best["shikumi"] / best["PyTorch"]))


if __name__ == "__main__":
    main()
