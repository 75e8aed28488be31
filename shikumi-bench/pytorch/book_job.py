#!/usr/bin/env python3
"""PyTorch CPU reference for the book's job (issue 2): 500 iterations of full-batch gradient descent
(lr 0.05 on E = sum over images of 1/2 sum_k (t_k - z_k)^2) of the 20-3-4 sigmoid network with the book's
s = w.x - theta, on the 128 images of shikumi's bundled aple set, float64, one thread; and the same with numpy
and hand-written backpropagation. Prints the median time of 500 iterations over --runs runs, in ms, as JSON.

With --once, only the PyTorch job, once, as a whole process does it (the import and the first call included):
what `./shikumi train --json` is measured against, process against process.

Usage: /usr/bin/python3 shikumi-bench/pytorch/book_job.py [--runs 20] [--once]
"""
import argparse
import json
import os
import statistics
import time

os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
APLE = os.path.join(HERE, "..", "..", "shikumi-core", "src", "main", "resources", "io", "github", "shikumi", "data",
                    "aple.txt")


def bitmap(path):
    """The bitmap text format: a label line, rows of # and ., a blank line; '# ' comments; '# labels:' order."""
    labels, images, targets, rows, label = [], [], [], [], None
    for line in open(path, encoding="utf-8").read().split("\n") + [""]:
        line = line.rstrip()
        if line.startswith("# labels:"):
            labels = line[len("# labels:"):].split()
            continue
        if line.startswith("#") and (line.startswith("# ") or line == "#") and label is None and not rows:
            continue
        if not line:
            if label is not None:
                images.append([1.0 if c == "#" else 0.0 for r in rows for c in r])
                targets.append(labels.index(label))
            label, rows = None, []
            continue
        if label is None:
            label = line.strip()
            if label not in labels:
                labels.append(label)
        else:
            rows.append(line)
    return np.array(images), np.array(targets), labels


def torch_job(x, t, p0):
    w1, th1, w2, th2 = [torch.tensor(a, requires_grad=True) for a in p0]
    for _ in range(500):
        h = torch.sigmoid(x @ w1.T - th1)
        z = torch.sigmoid(h @ w2.T - th2)
        e = 0.5 * ((t - z) ** 2).sum()
        for p in (w1, th1, w2, th2):
            p.grad = None
        e.backward()
        with torch.no_grad():
            for p in (w1, th1, w2, th2):
                p -= 0.05 * p.grad
    return e.item()


def numpy_job(x, t, p0):
    w1, th1, w2, th2 = [a.copy() for a in p0]
    for _ in range(500):
        h = 1 / (1 + np.exp(-(x @ w1.T - th1)))
        z = 1 / (1 + np.exp(-(h @ w2.T - th2)))
        e = 0.5 * ((t - z) ** 2).sum()
        do = (z - t) * z * (1 - z)              # delta_O = -(t - z) z (1 - z)
        dh = (do @ w2) * h * (1 - h)            # delta_H = (sum_k delta_O w_O) h (1 - h)
        w2 -= 0.05 * do.T @ h
        th2 -= 0.05 * -do.sum(0)
        w1 -= 0.05 * dh.T @ x
        th1 -= 0.05 * -dh.sum(0)
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--once", action="store_true", help="the PyTorch job once, nothing else")
    a = ap.parse_args()
    torch.set_num_threads(1)
    images, targets, labels = bitmap(APLE)
    t = np.eye(len(labels))[targets]
    rng = np.random.default_rng(1)
    p0 = [rng.uniform(-0.5, 0.5, (3, 20)), rng.uniform(-0.5, 0.5, 3), rng.uniform(-0.5, 0.5, (4, 3)),
          rng.uniform(-0.5, 0.5, 4)]
    result = {"images": len(images)}
    if a.once:
        start = time.perf_counter()
        result["pytorchE"] = torch_job(torch.tensor(images), torch.tensor(t), p0)
        result["pytorchMillis"] = (time.perf_counter() - start) * 1000
        print(json.dumps(result))
        return
    for name, job, args in (("pytorch", torch_job, (torch.tensor(images), torch.tensor(t), p0)),
                            ("numpy", numpy_job, (images, t, p0))):
        times = []
        for _ in range(3 + a.runs):
            start = time.perf_counter()
            job(*args)
            times.append((time.perf_counter() - start) * 1000)
        result[name + "MedianMillis"] = statistics.median(times[3:])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
