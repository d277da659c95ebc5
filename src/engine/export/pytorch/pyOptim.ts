/**
 * Python section: the learning-rate schedule, regularisation, clipping and the update rules in
 * exactly the engine's form (`src/engine/nn/{schedules,regularization,optimizers}.ts`).
 */
export const PY_OPTIM = String.raw`
# ---------------------------------------------------------------------------------------------
# Updates (engine/nn/optimizers.ts, regularization.ts, schedules.ts). torch.optim's momentum and
# Adam are written differently (lr inside the velocity, ε after the bias correction), so the
# engine's rules are spelled out here; g is the batch gradient after regularisation and clipping.
# ---------------------------------------------------------------------------------------------
def schedule_rate(schedule, eta0, epoch):
    """η for a 0-based epoch."""
    kind = schedule["id"]
    if kind == "step":
        return eta0 * math.pow(schedule["factor"], math.floor(epoch / max(1, schedule["every"])))
    if kind == "piecewise":
        i = 0
        while i < len(schedule["boundaries"]) and epoch >= schedule["boundaries"][i]:
            i += 1
        values = schedule["values"]
        return values[min(i, len(values) - 1)] if values else eta0
    if kind == "exponential":
        return eta0 * math.pow(schedule["gamma"], epoch)
    return eta0


class EngineOptimizer:
    """The engine's update rules over the trainable tensors (W, b of each layer, in order).

    sgd, perceptron  w ← w − η·g
    momentum         lecture: v ← α·v + η·g;  w ← w − v             (lecture 001's Δw form)
                     pytorch: v ← α·v + g;  w ← w − η·v
    momentumEma      v ← λ·v − (1 − λ)·g;  w ← w + η·v              (lecture 004)
    nesterov         lecture: v ← α·v + η·∇E(w − α·v);  w ← w − v   (begin_batch moves w to w − α·v)
                     pytorch: v ← α·v + g;  w ← w − η·(g + α·v)
    adagrad          G ← G + g²;  w ← w − η·g/(√G + ε)
    rmsprop          s ← ρ·s + (1 − ρ)·g²;  w ← w − η·g/(√s + ε)
    adam             m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
                     w ← w − η·(m/(1 − β1ᵗ))/(√(v/(1 − β2ᵗ)) + ε)
    """

    SLOTS = {"sgd": 0, "perceptron": 0, "momentum": 1, "momentumEma": 1, "nesterov": 1,
             "adagrad": 1, "rmsprop": 1, "adam": 2}

    def __init__(self, params, spec):
        self.params = params
        self.rule = spec["id"]
        self.momentum = spec.get("momentum", 0.9)
        self.form = spec.get("form", "lecture")
        self.rho = spec.get("rho", 0.9)
        self.beta1 = spec.get("beta1", 0.9)
        self.beta2 = spec.get("beta2", 0.999)
        self.epsilon = spec.get("epsilon", 1e-8)
        self.state = [[torch.zeros_like(p) for _ in range(self.SLOTS[self.rule])] for p in params]
        self.t = 0  # updates so far (Adam's bias correction)
        self.lookahead = self.rule == "nesterov" and self.form == "lecture"
        self.home = None  # the weights while the gradient is taken at the look-ahead point

    @torch.no_grad()
    def begin_batch(self):
        """Before the batch's forward pass: Nesterov's lecture form takes the gradient at w − α·v."""
        if not self.lookahead or self.home is not None:
            return
        self.home = [w.clone() for w in self.params]
        for w, s in zip(self.params, self.state):
            w.copy_(w - self.momentum * s[0])

    @torch.no_grad()
    def step(self, eta):
        self.t += 1
        if self.home is not None:
            for w, h in zip(self.params, self.home):
                w.copy_(h)
            self.home = None
        for w, s in zip(self.params, self.state):
            g = w.grad
            if self.rule in ("sgd", "perceptron"):
                w.copy_(w - eta * g)
            elif self.rule == "momentum" and self.form == "pytorch":
                s[0].copy_(self.momentum * s[0] + g)
                w.copy_(w - eta * s[0])
            elif self.rule == "momentum":
                s[0].copy_(self.momentum * s[0] + eta * g)
                w.copy_(w - s[0])
            elif self.rule == "momentumEma":
                s[0].copy_(self.momentum * s[0] - (1 - self.momentum) * g)
                w.copy_(w + eta * s[0])
            elif self.rule == "nesterov" and self.form == "pytorch":
                s[0].copy_(self.momentum * s[0] + g)
                w.copy_(w - eta * (g + self.momentum * s[0]))
            elif self.rule == "nesterov":
                s[0].copy_(self.momentum * s[0] + eta * g)
                w.copy_(w - s[0])
            elif self.rule == "adagrad":
                s[0].copy_(s[0] + g * g)
                w.copy_(w - (eta * g) / (torch.sqrt(s[0]) + self.epsilon))
            elif self.rule == "rmsprop":
                s[0].copy_(self.rho * s[0] + (1 - self.rho) * g * g)
                w.copy_(w - (eta * g) / (torch.sqrt(s[0]) + self.epsilon))
            elif self.rule == "adam":
                m, v = s
                m.copy_(self.beta1 * m + (1 - self.beta1) * g)
                v.copy_(self.beta2 * v + (1 - self.beta2) * g * g)
                m_hat = m / (1 - math.pow(self.beta1, self.t))
                v_hat = v / (1 - math.pow(self.beta2, self.t))
                w.copy_(w - (eta * m_hat) / (torch.sqrt(v_hat) + self.epsilon))

    def state_dict(self):
        return {"t": self.t, "state": [[x.clone() for x in s] for s in self.state]}


@torch.no_grad()
def regularize_and_clip(network, params, reg, n_train):
    """L2/L1 as lecture 002 scales them (λ/n, n = training examples; weights only, not biases),
    then clipping by value and by the norm of the whole gradient."""
    l2, l1 = reg.get("l2", 0), reg.get("l1", 0)
    if l2 != 0 or l1 != 0:
        a, b = l2 / n_train, l1 / n_train
        for layer in network.dense():
            w = layer.linear.weight
            if w.requires_grad:
                w.grad.copy_(w.grad + (a * w + b * torch.sign(w)))
    if reg.get("clipValue") is not None:
        c = reg["clipValue"]
        for p in params:
            p.grad.copy_(p.grad.clamp(-c, c))
    if reg.get("clipNorm") is not None:
        c = reg["clipNorm"]
        norm = math.sqrt(sum(float((p.grad * p.grad).sum()) for p in params))
        if norm > c and norm > 0:
            for p in params:
                p.grad.copy_(p.grad * (c / norm))
`
