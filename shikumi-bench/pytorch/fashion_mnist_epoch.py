#!/usr/bin/env python3
"""PyTorch CPU reference for shikumi-bench (issue 6): the same network, loss, optimiser and batch as
`shikumi bench` / FashionEpoch: 784-128-10, sigmoid hidden layer, softmax + cross-entropy (mean over the
batch), SGD with momentum (lr 0.1, momentum 0.9), batch 100, shuffled each epoch, float32, on the 60,000
Fashion-MNIST training images read from Debian's IDX files. Prints one JSON line per epoch:
{"threads": t, "epoch": e, "seconds": s, "loss": l, "trainAccuracy": a, "testAccuracy": b}
(seconds = the training loop of that epoch alone, as shikumi reports it).

Usage: python3 fashion_mnist_epoch.py [--threads 1] [--epochs 5] [--dir /usr/share/datasets/fashion-mnist]
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time

# the thread count applies to every pool: PyTorch's own and OpenBLAS's (set before they start)
_threads = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "1"
os.environ["OMP_NUM_THREADS"] = _threads
os.environ["OPENBLAS_NUM_THREADS"] = _threads

import numpy as np  # noqa: E402
import torch  # noqa: E402


def idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, prefix):
    def find(base):
        for name in (base, base + ".gz"):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
        raise SystemExit("missing " + base + " in " + folder)
    x = idx(find(prefix + "-images-idx3-ubyte")).reshape(-1, 784).astype(np.float32) / 255.0
    y = idx(find(prefix + "-labels-idx1-ubyte")).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", default="/usr/share/datasets/fashion-mnist")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x, y = load(a.dir, "train")
    xt, yt = load(a.dir, "t10k")
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.Sigmoid(), torch.nn.Linear(128, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    n = x.shape[0]
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(n)
        total, correct = 0.0, 0
        start = time.perf_counter()
        for b in range(0, n, a.batch):
            idx_b = order[b:b + a.batch]
            xb, yb = x[idx_b], y[idx_b]
            out = model(xb)
            loss = loss_fn(out, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(yb)
            correct += (out.argmax(1) == yb).sum().item()
        seconds = time.perf_counter() - start
        with torch.no_grad():
            test_acc = (model(xt).argmax(1) == yt).float().mean().item()
        print(json.dumps({"threads": a.threads, "epoch": epoch, "seconds": round(seconds, 4), "loss": total / n,
                          "trainAccuracy": correct / n, "testAccuracy": test_acc}), flush=True)


if __name__ == "__main__":
    main()
