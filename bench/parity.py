"""Train a benchmark task in PyTorch or NumPy from an engine run's own start: its initial weights
and biases and its data order, as `bench/runTask.ts --save DIR` wrote them. The peers of
../shared/bench/peers draw their own weights and order, so their accuracy is another start's;
this is the same start, so the accuracies compare kernels and arithmetic, not luck.

    /usr/bin/python3 bench/parity.py DIR [--impl torch|numpy] [--dtype f32|f64] [--epochs E]
                                         [--updates K]

DIR holds meta.json (task, epochs, layer shapes), init.f64 (W1, b1, W2, b2 as float64, the
engine's values) and order.i32 (one row of training indices per epoch). Inputs are the engine's:
float32(byte · (1/255) rounded in float64). Prints one `PARITY {json}` line: test accuracy after
each epoch. --updates K stops after K updates and writes the parameters to DIR/after-K-<impl>-<dtype>.f64
(to compare with the engine's after the same updates).
"""
import argparse
import gzip
import json
import os
import struct
import sys

import numpy as np

DATA_DIR = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")


def read_idx(name):
    with gzip.open(os.path.join(DATA_DIR, name), "rb") as f:
        buf = f.read()
    ndim = buf[3]
    dims = struct.unpack(">" + "I" * ndim, buf[4:4 + 4 * ndim])
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(dtype):
    """Fashion-MNIST scaled as the engine scales it (float64 product rounded once)."""
    scale = lambda b: (b.reshape(len(b), -1).astype(np.float64) * (1.0 / 255.0)).astype(dtype)
    Xtr, Xte = scale(read_idx("train-images-idx3-ubyte.gz")), scale(read_idx("t10k-images-idx3-ubyte.gz"))
    ytr = read_idx("train-labels-idx1-ubyte.gz").astype(np.int64)
    yte = read_idx("t10k-labels-idx1-ubyte.gz").astype(np.int64)
    return Xtr, ytr, Xte, yte


def load_run(path):
    meta = json.load(open(os.path.join(path, "meta.json")))
    flat = np.fromfile(os.path.join(path, "init.f64"), dtype="<f8")
    params, at = [], 0
    for units, n_in in meta["layers"]:
        W = flat[at:at + units * n_in].reshape(units, n_in); at += units * n_in
        b = flat[at:at + units]; at += units
        params += [W, b]
    order = np.fromfile(os.path.join(path, "order.i32"), dtype="<i4").reshape(-1, meta["train_count"])
    return meta, params, order


def sigmoid(z):
    with np.errstate(over="ignore"):  # exp(−z) → inf for z ≪ 0 gives the right limit, 0
        return 1.0 / (1.0 + np.exp(-z))


class NumpyNet:
    """The task's network as matrices (row-major, one sample per row), gradients averaged over the batch."""

    def __init__(self, task, params, dtype):
        self.task, self.p = task, [x.astype(dtype) for x in params]

    def forward(self, X):
        W1, b1, W2, b2 = self.p
        z1 = X @ W1.T + b1
        h = np.maximum(z1, 0) if self.task == "F" else sigmoid(z1)
        z2 = h @ W2.T + b2
        if self.task == "N":
            return h, sigmoid(z2)
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        return h, e / e.sum(axis=1, keepdims=True)

    def step(self, X, Y, lr):
        W1, b1, W2, b2 = self.p
        h, o = self.forward(X)
        d2 = (o - Y) * o * (1 - o) if self.task == "N" else (o - Y)
        d1 = (d2 @ W2) * ((h > 0) if self.task == "F" else h * (1 - h))
        m = X.shape[0]
        for p, g in zip(self.p, (d1.T @ X, d1.sum(0), d2.T @ h, d2.sum(0))):
            p -= (lr / m) * g.astype(p.dtype)

    def predict(self, X):
        return self.forward(X)[1].argmax(1)

    def flat(self):
        return np.concatenate([x.ravel().astype(np.float64) for x in self.p])


class TorchNet:
    """The same network in PyTorch (autograd, torch.optim.SGD), as ../shared/bench/peers/py/peer_torch.py."""

    def __init__(self, task, params, dtype):
        import torch
        self.torch, self.task = torch, task
        torch.set_num_threads(1)
        tdt = torch.float32 if dtype == np.float32 else torch.float64
        l1 = torch.nn.Linear(784, params[0].shape[0], dtype=tdt)
        l2 = torch.nn.Linear(params[0].shape[0], 10, dtype=tdt)
        with torch.no_grad():
            for p, v in zip((l1.weight, l1.bias, l2.weight, l2.bias), params):
                p.copy_(torch.from_numpy(v))
        act = torch.nn.ReLU() if task == "F" else torch.nn.Sigmoid()
        layers = [l1, act, l2] + ([torch.nn.Sigmoid()] if task == "N" else [])
        self.model = torch.nn.Sequential(*layers)
        self.ce = torch.nn.CrossEntropyLoss()

    def step(self, X, Y, lr):
        torch = self.torch
        xb, yb = torch.from_numpy(X), torch.from_numpy(Y)
        out = self.model(xb)
        loss = 0.5 * ((out - yb) ** 2).sum(1).mean() if self.task == "N" else self.ce(out, yb.argmax(1))
        self.model.zero_grad(set_to_none=True)
        loss.backward()
        with torch.no_grad():
            for p in self.model.parameters():
                p -= lr * p.grad

    def predict(self, X):
        with self.torch.no_grad():
            return self.model(self.torch.from_numpy(X)).argmax(1).numpy()

    def flat(self):
        return np.concatenate([p.detach().numpy().ravel().astype(np.float64) for p in self.model.parameters()])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--impl", default="torch", choices=["torch", "numpy"])
    ap.add_argument("--dtype", default="f32", choices=["f32", "f64"])
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--updates", type=int, default=0)
    a = ap.parse_args()
    try:  # one BLAS thread, as the engine's one-thread runs
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=1, user_api="blas")
    except ImportError:
        pass
    meta, params, order = load_run(a.dir)
    dtype = np.float32 if a.dtype == "f32" else np.float64
    Xtr, ytr, Xte, yte = load(dtype)
    Ytr = np.eye(10, dtype=dtype)[ytr]
    net = (TorchNet if a.impl == "torch" else NumpyNet)(meta["task"], params, dtype)
    B, lr = meta["batch"], meta["lr"]
    epochs = min(a.epochs or len(order), len(order))
    acc, updates = [], 0
    for e in range(epochs):
        for i in range(0, order.shape[1], B):
            idx = order[e, i:i + B]
            net.step(Xtr[idx], Ytr[idx], lr)
            updates += 1
            if updates == a.updates:
                net.flat().tofile(os.path.join(a.dir, f"after-{updates}-{a.impl}-{a.dtype}.f64"))
                return
        acc.append(float((net.predict(Xte) == yte).mean()))
        print(f"[{a.impl} {a.dtype} seed {meta['seed']}] epoch {e + 1}: acc {acc[-1]:.4f}", file=sys.stderr, flush=True)
    print("PARITY " + json.dumps({"impl": a.impl, "dtype": a.dtype, "task": meta["task"], "seed": meta["seed"], "acc": acc}), flush=True)


if __name__ == "__main__":
    main()
