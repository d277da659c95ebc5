"""Load an Axon Studio model file (model JSON) and run it with plain NumPy.

    python3 load_model.py model.json 0.05,0.1 [0.2,0.3 ...]

Prints one line of outputs per input row (raw features; the model's preprocessing is applied).
"""
import json
import sys

import numpy as np


def activation(spec, net):
    """out = f(net) for one layer; `net` is [rows, units]."""
    f = spec["id"]
    if f == "linear":
        return spec.get("slope", 1.0) * net
    if f == "step":
        return (net >= 0).astype(float)
    if f == "sign":
        return np.where(net >= 0, 1.0, -1.0)
    if f == "sigmoid":
        return 1.0 / (1.0 + np.exp(-net))
    if f == "tanh":
        return np.tanh(net)
    if f in ("relu", "noisyRelu"):  # the noise is added only while training
        return np.maximum(0.0, net)
    if f == "leakyRelu":
        return np.where(net > 0, net, spec.get("alpha", 0.01) * net)
    if f == "softplus":
        return np.logaddexp(0.0, net)
    if f == "softmax":
        e = np.exp(net - net.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError("unknown activation " + f)


def load(path):
    with open(path) as file:
        model = json.load(file)
    if model.get("format") != "axon-studio/model" or model.get("version") != 1:
        raise ValueError("not an Axon Studio model file (version 1)")
    return model


FEATURES = {  # the input features of a 2-D input (x1, x2) by id (from engine/nn/features.ts)
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1Squared": lambda a, b: a * a,
    "x2Squared": lambda a, b: b * b,
    "x1x2": lambda a, b: a * b,
    "sinX1": lambda a, b: np.sin(a),
    "sinX2": lambda a, b: np.sin(b),
}


def run_layer(layer, sources):
    """One layer's output [rows, units] from the outputs of what it reads."""
    kind = layer["kind"]
    if kind in ("add", "concat"):  # element-wise sum, or side by side in the order of "inputs"
        net = sum(sources) if kind == "add" else np.concatenate(sources, axis=1)
        return activation(layer["activation"], net) if "activation" in layer else net
    a = sources[0]
    if kind == "features":  # the listed features of x1, x2, side by side
        return np.stack([FEATURES[f](a[:, 0], a[:, 1]) for f in layer["features"]], axis=1)
    if kind == "batchNorm":  # the running statistics, then scale γ and shift β
        std = np.sqrt(np.asarray(layer["runningVar"]) + layer["epsilon"])
        return (a - np.asarray(layer["runningMean"])) / std * np.asarray(layer["gamma"]) + np.asarray(layer["beta"])
    if kind != "dense":
        return a  # dropout is the identity when predicting
    W = np.asarray(layer["weights"])  # [units, nIn]: W[j, k] is w_jk, from input k into unit j
    net = a @ W.T
    if layer["biases"] is not None:
        net = net + np.asarray(layer["biases"])
    return activation(layer["activation"], net)


def predict(model, x):
    """x: raw inputs [rows, inputSize] → outputs [rows, outputSize]."""
    pre = model["preprocessing"]
    a = np.asarray(x, dtype=float)
    if "shift" in pre:
        a = a - np.asarray(pre["shift"])
    if "scalePerFeature" in pre:
        a = a * np.asarray(pre["scalePerFeature"])
    a = a * pre["scale"]
    # Each layer reads the layers named in "inputs" ("$input": the input), else the one before.
    outs = {"$input": a}
    previous = "$input"
    for layer in model["architecture"]["layers"]:
        sources = [outs[name] for name in layer.get("inputs", [previous])]
        a = run_layer(layer, sources)
        outs[layer["nodeId"]] = a
        previous = layer["nodeId"]
    return a


if __name__ == "__main__":
    model = load(sys.argv[1])
    rows = [[float(v) for v in arg.split(",")] for arg in sys.argv[2:]]
    for out in predict(model, rows):
        print(" ".join(repr(float(v)) for v in out))
