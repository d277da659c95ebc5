/**
 * Python section: initialisers, activations, layers and losses with the engine's arithmetic
 * (`src/engine/nn`): where torch's built-in differs from the engine (softplus, step, sign, the
 * clamped binary cross-entropy, the perceptron rule) the script spells the engine's form out.
 */
import { pyFeatureTable } from '../pyFeatures'

export const PY_MODEL = String.raw`
# ---------------------------------------------------------------------------------------------
# The network (engine/nn): dense layers y = f(x·Wᵀ + b) with W [units][inputs] (w_jk from input
# k into unit j, as in the lectures), dropout, and the losses with the engine's reduction.
# ---------------------------------------------------------------------------------------------
def init_value(init, n_in, n_out, rng):
    """One draw of an initialiser (engine/nn/init.ts); weights are filled row by row."""
    kind = init["id"]
    if kind == "zeros":
        return 0.0
    if kind == "constant":
        return init.get("value", 0)
    if kind == "uniform":
        return rng.range(init.get("low", -0.05), init.get("high", 0.05))
    if kind == "normal":
        return rng.normal(init.get("mean", 0), init.get("std", 0.05))
    if kind == "standardNormal":
        return rng.normal(0, 1)
    if kind == "scaledNormal":
        return rng.normal(0, 1 / math.sqrt(n_in))
    if kind == "glorotUniform":
        limit = math.sqrt(6 / (n_in + n_out))
        return rng.range(-limit, limit)
    if kind == "glorotNormal":
        return rng.normal(0, math.sqrt(2 / (n_in + n_out)))
    if kind == "heNormal":
        return rng.normal(0, math.sqrt(2 / n_in))
    if kind == "heUniform":
        limit = math.sqrt(6 / n_in)
        return rng.range(-limit, limit)
    raise ValueError("unknown initialiser " + kind)


class Softplus(torch.autograd.Function):
    """log(1 + eˣ) without overflow; derivative σ(x) (engine/nn/activations.ts)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.where(x > 0, x + torch.log1p(torch.exp(-x.abs())), torch.log1p(torch.exp(-x.abs())))

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * torch.sigmoid(x)


def activate(activation, net, noise):
    """out = f(net). noise: a torch generator while training (noisy ReLU), else None."""
    kind = activation["id"]
    if kind == "linear":
        return activation.get("slope", 1) * net
    if kind == "step":  # 1 if net ≥ 0 else 0; derivative 0 (the perceptron rule trains it)
        return (net >= 0).to(net.dtype) + 0 * net
    if kind == "sign":  # +1 if net ≥ 0 else −1; derivative 0
        return torch.where(net >= 0, 1.0, -1.0).to(net.dtype) + 0 * net
    if kind == "sigmoid":
        return torch.sigmoid(net)
    if kind == "tanh":
        return torch.tanh(net)
    if kind == "relu":
        return torch.relu(net)
    if kind == "leakyRelu":
        return torch.where(net > 0, net, activation.get("alpha", 0.01) * net)
    if kind == "softplus":
        return Softplus.apply(net)
    if kind == "noisyRelu":  # max(0, net + N(0, σ²)) while training, plain ReLU otherwise
        if noise is None:
            return torch.relu(net)
        std = activation.get("noiseStd", 1)
        return torch.relu(net + std * torch.randn(net.shape, generator=noise, dtype=net.dtype))
    if kind == "softmax":
        return torch.softmax(net, dim=1)
    raise ValueError("unknown activation " + kind)


class Dense(nn.Module):
    def __init__(self, spec, n_in, rng, dtype):
        super().__init__()
        units = spec["units"]
        self.activation = spec["activation"]
        self.noise = None
        # The engine draws every initial value from the 'init' stream, even those that hand-set
        # weights then replace, so later layers get the same numbers either way.
        w = [init_value(spec["weightInit"], n_in, units, rng) for _ in range(units * n_in)]
        b = [init_value(spec["biasInit"], n_in, units, rng) for _ in range(units)] if spec["useBias"] else None
        if "weights" in spec:
            w = [v for row in spec["weights"] for v in row]
        if "biases" in spec and b is not None:
            b = list(spec["biases"])
        self.linear = nn.Linear(n_in, units, bias=spec["useBias"], dtype=dtype)
        with torch.no_grad():
            self.linear.weight.copy_(torch.tensor(w, dtype=torch.float64).reshape(units, n_in))
            if b is not None:
                self.linear.bias.copy_(torch.tensor(b, dtype=torch.float64))
        self.linear.weight.requires_grad_(spec["trainWeights"])
        if b is not None:
            self.linear.bias.requires_grad_(spec["trainBiases"])

    def forward(self, x):
        net = self.linear(x)
        return net, activate(self.activation, net, self.noise if self.training else None)


class Dropout(nn.Module):
    """Inverted dropout: each unit kept with probability 1 − rate and scaled by 1/(1 − rate)."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate
        self.generator = None

    def forward(self, x):
        if not self.training or self.rate == 0:
            return x
        keep = 1 / (1 - self.rate)
        drop = torch.rand(x.shape, generator=self.generator, dtype=x.dtype) < self.rate
        return x * torch.where(drop, 0.0, keep).to(x.dtype)


class BatchNorm(nn.Module):
    """Batch normalisation per feature (engine/nn/batchNorm.ts): batch statistics while training,
    running statistics (PyTorch's momentum rule, unbiased variance) otherwise; out = γ·x̂ + β.
    Under torchrun each process normalises with the statistics of its own share of the batch."""

    def __init__(self, spec, n, dtype):
        super().__init__()
        self.momentum, self.epsilon = spec["momentum"], spec["epsilon"]
        self.gamma = nn.Parameter(torch.tensor(spec.get("gamma", [1.0] * n), dtype=dtype))
        self.beta = nn.Parameter(torch.tensor(spec.get("beta", [0.0] * n), dtype=dtype))
        self.register_buffer("running_mean", torch.tensor(spec.get("runningMean", [0.0] * n), dtype=dtype))
        self.register_buffer("running_var", torch.tensor(spec.get("runningVar", [1.0] * n), dtype=dtype))

    def forward(self, x):
        if self.training and x.shape[0] > 0:
            rows = x.shape[0]
            mean = x.sum(0) / rows
            variance = ((x - mean) ** 2).sum(0) / rows
            with torch.no_grad():
                m = self.momentum
                unbiased = variance * rows / (rows - 1) if rows > 1 else variance
                self.running_mean.copy_((1 - m) * self.running_mean + m * mean)
                self.running_var.copy_((1 - m) * self.running_var + m * unbiased)
        else:
            mean, variance = self.running_mean, self.running_var
        return self.gamma * ((x - mean) * (1 / torch.sqrt(variance + self.epsilon))) + self.beta


${pyFeatureTable('torch')}

class Features(nn.Module):
    """Input features (engine/nn/features.ts): the listed features of x1, x2 side by side."""

    def __init__(self, features):
        super().__init__()
        self.features = list(features)

    def forward(self, x):
        a, b = x[:, 0], x[:, 1]
        return torch.stack([FEATURES[f](a, b) for f in self.features], dim=1)


class Merge(nn.Module):
    """Add (element-wise sum) or concatenate (side by side, in the order of "inputs"), then the
    optional activation (engine/nn/merge.ts)."""

    def __init__(self, spec):
        super().__init__()
        self.kind, self.activation, self.noise = spec["kind"], spec.get("activation"), None

    def forward(self, xs):
        net = xs[0]
        if self.kind == "concat":
            net = torch.cat(xs, dim=1)
        else:
            for x in xs[1:]:
                net = net + x
        if self.activation is None:
            return net
        return activate(self.activation, net, self.noise if self.training else None)


class Network(nn.Module):
    """The layers in topological order: each reads the layers its "inputs" name ("$input": the
    input), by default the one before. forward gives the last (dense) layer's net input and output."""

    def __init__(self, model, seed, dtype):
        super().__init__()
        rng = stream(seed, "init")
        layers, widths, previous = [], {"$input": model["inputSize"]}, "$input"
        self.sources, self.node_ids, self.widths_in = [], [], []
        for spec in model["layers"]:
            names = spec.get("inputs", [previous])
            n_in = sum(widths[name] for name in names)
            kind = spec["kind"]
            if kind == "dropout":
                layer, units = Dropout(spec["rate"]), n_in
            elif kind == "batchNorm":
                layer, units = BatchNorm(spec, n_in, dtype), n_in
            elif kind in ("add", "concat"):
                layer, units = Merge(spec), widths[names[0]] if kind == "add" else n_in
            elif kind == "features":
                layer, units = Features(spec["features"]), len(spec["features"])
            else:
                layer, units = Dense(spec, n_in, rng, dtype), spec["units"]
            layers.append(layer)
            self.sources.append(names)
            self.node_ids.append(spec["nodeId"])
            self.widths_in.append(n_in)
            widths[spec["nodeId"]] = units
            previous = spec["nodeId"]
        self.layers = nn.ModuleList(layers)
        self.output_size = units

    def forward(self, x):
        outs, net = {"$input": x}, None
        for layer, names, node_id in zip(self.layers, self.sources, self.node_ids):
            xs = [outs[name] for name in names]
            if isinstance(layer, Dense):
                net, x = layer(xs[0])
            elif isinstance(layer, Merge):
                x = layer(xs)
            else:
                x = layer(xs[0])
            outs[node_id] = x
        return net, x

    def dense(self):
        return [layer for layer in self.layers if isinstance(layer, Dense)]

    def trainable(self):
        """Trainable tensors in the engine's order: each dense layer's W, then b; each batch norm's γ, then β."""
        params = []
        for layer in self.layers:
            if isinstance(layer, Dense):
                params += [p for p in (layer.linear.weight, layer.linear.bias) if p is not None and p.requires_grad]
            elif isinstance(layer, BatchNorm):
                params += [layer.gamma, layer.beta]
        return params


def example_losses(loss_id, output_activation, net, out, target, perceptron):
    """E_i of every row (summed over its outputs), as differentiable tensors (engine/nn/losses.ts).

    The gradient torch computes from these is the engine's ∂E/∂out (∂E/∂net for the fused pairs
    softmax + cross-entropy and sigmoid + binary cross-entropy, and for the perceptron rule).
    """
    if loss_id == "softmaxCrossEntropy":  # on the logits: net for a softmax layer, else out
        x = net if output_activation == "softmax" else out
        lse = torch.logsumexp(x, dim=1, keepdim=True)
        value = (target * (lse - x)).sum(1)
    elif loss_id == "bce" and output_activation == "sigmoid":
        value = (Softplus.apply(net) - target * net).sum(1)  # fused: ∂E/∂net = out − t
    elif loss_id in ("halfSse", "mse"):  # ½·Σ(t − o)²; mean reduction makes Nielsen's cost
        value = 0.5 * ((target - out) ** 2).sum(1)
    elif loss_id == "mae":
        value = (target - out).abs().sum(1)
    elif loss_id == "bce":  # probabilities clamped to [ε, 1 − ε]; the gradient passes the clamp
        p = out + (out.clamp(1e-12, 1 - 1e-12) - out).detach()
        value = -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).sum(1)
    elif loss_id == "hinge":  # targets {0,1} or {−1,+1} both work
        y = torch.where(target > 0, 1.0, -1.0).to(out.dtype)
        value = torch.relu(1 - y * out).sum(1)
    else:
        raise ValueError("unknown loss " + loss_id)
    if perceptron:
        # Rosenblatt's rule: ∂E/∂net = (y − t), halved for ±1 units, so Δw = ±η·x on a mistake.
        half = 0.5 if output_activation == "sign" else 1.0
        surrogate = ((half * (out - target)).detach() * net).sum(1)
        return value.detach() + surrogate - surrogate.detach()
    return value
`
