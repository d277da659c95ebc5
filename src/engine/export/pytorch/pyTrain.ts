/**
 * Python section: the training loop of `src/engine/train/session.ts` (batches, updates, epoch
 * metrics, validation, stopping, restore-best) on one process or under torchrun with
 * DistributedDataParallel, and the model JSON it writes at the end.
 */
export const PY_TRAIN = String.raw`
# ---------------------------------------------------------------------------------------------
# Training (engine/train/session.ts), on one process or several (torchrun + DDP, gloo).
# ---------------------------------------------------------------------------------------------
class EngineOrderSampler(DistributedSampler):
    """Batches in the engine's order, each shared out between the processes.

    Like torch's DistributedSampler, every process reads its own share of the data and set_epoch
    starts a new epoch; unlike it, the order is the engine's (the 'shuffle' stream reshuffles the
    previous epoch's order in place) and nothing is padded: process r takes rows r, r + N, … of
    each global batch. So one process and N processes take the same updates, and a global batch
    of |B| examples is averaged over |B| whatever N is. Yields (this process's rows, |B|).
    """

    def __init__(self, train_rows, batch_size, shuffle_rng, shuffle, num_replicas, rank):
        super().__init__(train_rows, num_replicas=num_replicas, rank=rank, shuffle=False)
        self.order = list(train_rows)
        self.batch_size = batch_size
        self.shuffle_rng = shuffle_rng if shuffle else None

    def set_epoch(self, epoch):
        super().set_epoch(epoch)
        if self.shuffle_rng is not None:
            self.shuffle_rng.shuffle(self.order)

    def __iter__(self):
        for start in range(0, len(self.order), self.batch_size):
            batch = self.order[start : start + self.batch_size]
            yield batch[self.rank :: self.num_replicas], len(batch)

    def __len__(self):
        return math.ceil(len(self.order) / self.batch_size)


def start_processes():
    """(rank, world size): torchrun sets WORLD_SIZE; a plain run is one process."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world > 1:
        dist.init_process_group("gloo")
        return dist.get_rank(), world
    return 0, 1


def fail(message):
    print("error: " + message, file=sys.stderr)
    sys.exit(1)


@torch.no_grad()
def evaluate(network, inputs, targets, spec, threshold, classification):
    """Loss (mean per example, or the sum) and accuracy without dropout or noise."""
    network.eval()
    net, out = network(inputs)
    model = spec["model"]
    losses = example_losses(model["loss"]["id"], OUTPUT_ACTIVATION, net, out, targets, False)
    network.train()
    count = inputs.shape[0]
    total = float(losses.sum())
    result = {"loss": total / max(1, count) if model["loss"]["reduction"] == "mean" else total}
    if classification:
        result["accuracy"] = float((class_of(out, threshold) == class_of(targets, threshold)).sum()) / max(1, count)
    return result


def check_stop(state, metrics, spec):
    """Why training ends after this epoch (or None); restores the best weights if asked."""
    training, stopped = spec["training"], None
    early = training.get("earlyStopping")
    patience_out = False
    if early:
        monitored = metrics.get("valLoss", metrics["loss"])
        best = state["best"]
        if best is None or monitored < best["loss"] - early["minDelta"]:
            # Parameters and layer state (batch norm's running statistics), as the engine keeps them.
            saved = {k: v.detach().clone() for k, v in state["network"].state_dict().items()}
            state["best"] = {"loss": monitored, "params": saved, "wait": 0, "epoch": metrics["epoch"]}
        else:
            best["wait"] += 1
            patience_out = best["wait"] >= early["patience"]
    if spec["optimizer"]["id"] == "perceptron" and metrics.get("mistakes") == 0:
        stopped = "converged"
    elif training.get("targetLoss") is not None and metrics["loss"] <= training["targetLoss"]:
        stopped = "targetLoss"
    elif training.get("until") == "solved" and metrics.get("accuracy", -1) >= training.get("targetAccuracy", 1):
        stopped = "solved"
    elif patience_out:
        stopped = "earlyStopping"
    elif training.get("until") is None and metrics["epoch"] >= training["maxEpochs"]:
        stopped = "maxEpochs"
    best = state["best"]
    if stopped and early and early["restoreBest"] and best and best["epoch"] < metrics["epoch"]:
        state["network"].load_state_dict(best["params"])
        metrics["restoredEpoch"] = best["epoch"]
    return stopped


def epoch_line(m, max_epochs):
    parts = [f"epoch {m['epoch']}/{max_epochs}" if max_epochs else f"epoch {m['epoch']}", f"loss {m['loss']:.9g}"]
    if "accuracy" in m:
        parts.append(f"accuracy {100 * m['accuracy']:.2f}%")
    if "valLoss" in m:
        parts.append(f"val loss {m['valLoss']:.9g}")
    if "valAccuracy" in m:
        parts.append(f"val accuracy {100 * m['valAccuracy']:.2f}%")
    parts += [f"η {m['learningRate']:.9g}", f"iterations {m['iterations']}"]
    return "  ".join(parts)


def model_file(network, spec, data, history, stop_reason, restored, iterations, classification, dtype):
    """The trained network as an Axon Studio model JSON (docs/model-format.md)."""
    layers = []
    for s, layer, n_in in zip(spec["model"]["layers"], network.layers, network.widths_in):
        links = {"inputs": s["inputs"]} if "inputs" in s else {}
        if s["kind"] == "dropout":
            layers.append({"kind": "dropout", "nodeId": s["nodeId"], **links, "rate": s["rate"]})
            continue
        if s["kind"] == "batchNorm":
            values = {key: getattr(layer, name).detach().double().tolist() for key, name in
                      (("gamma", "gamma"), ("beta", "beta"), ("runningMean", "running_mean"), ("runningVar", "running_var"))}
            layers.append({"kind": "batchNorm", "nodeId": s["nodeId"], **links, "units": n_in, "nIn": n_in,
                           "momentum": s["momentum"], "epsilon": s["epsilon"], **values})
            continue
        if s["kind"] == "features":
            layers.append({"kind": "features", "nodeId": s["nodeId"], **links, "features": s["features"],
                           "units": len(s["features"]), "nIn": n_in})
            continue
        if s["kind"] in ("add", "concat"):
            units = n_in // len(s["inputs"]) if s["kind"] == "add" else n_in
            act = {"activation": s["activation"]} if "activation" in s else {}
            layers.append({"kind": s["kind"], "nodeId": s["nodeId"], **links, "units": units, **act})
            continue
        linear = layer.linear
        bias = linear.bias.detach().double().tolist() if linear.bias is not None else None
        layers.append({"kind": "dense", "nodeId": s["nodeId"], **links, "units": s["units"], "nIn": n_in,
                       "activation": s["activation"], "weights": linear.weight.detach().double().tolist(),
                       "biases": bias})
    architecture = {"inputSize": spec["model"]["inputSize"], "outputSize": network.output_size,
                    "precision": "float64" if dtype == torch.float64 else "float32",
                    "layers": layers, "loss": spec["model"]["loss"]}
    if data["inputShape"]:
        architecture["inputShape"] = data["inputShape"]
    record = {"epochs": len(history), "iterations": iterations, "stopReason": stop_reason,
              "loss": [m["loss"] for m in history]}
    for key in ("accuracy", "valLoss", "valAccuracy"):
        if history and all(key in m for m in history):
            record[key] = [m[key] for m in history]
    if restored is not None:
        record["restoredEpoch"] = restored
    training = {key: spec[key] for key in ("optimizer", "schedule", "regularization", "training")}
    return {"format": "axon-studio/model", "version": 1, "engineVersion": ENGINE_VERSION, "title": TITLE,
            "task": "classification" if classification else "regression", "architecture": architecture,
            "preprocessing": data["preprocessing"], "training": {"seed": spec["seed"], **training},
            "history": record}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--epochs", type=int, help="train for this many epochs (default: the project's)")
    p.add_argument("--seed", type=int, help="another project seed (initial weights, split, order)")
    p.add_argument("--dtype", choices=["float32", "float64"], help="arithmetic (default: the project's precision)")
    p.add_argument("--data", help="training inputs: IDX images or a CSV (default: the project's file)")
    p.add_argument("--labels", help="IDX labels for --data")
    p.add_argument("--test-data", help="test inputs (default: the project's test file, if any)")
    p.add_argument("--test-labels", help="IDX labels for --test-data")
    p.add_argument("--out", default="model.json", help="where to write the trained model JSON")
    p.add_argument("--checkpoint", help="save a checkpoint here after every epoch (process 0)")
    p.add_argument("--max-steps", type=int, help="stop after this many updates (to compare with the app step by step)")
    p.add_argument("--json", action="store_true", help="print JSON lines instead of text")
    return p.parse_args()


def main():
    args = parse_args()
    spec = json.loads(json.dumps(CONFIG))
    if args.epochs is not None:
        spec["training"]["maxEpochs"] = args.epochs
        spec["training"].pop("until", None)
    if args.seed is not None:
        spec["seed"] = args.seed
    dtype = torch.float64 if (args.dtype or spec["model"]["precision"]) == "float64" else torch.float32
    rank, world = start_processes()
    say = (lambda line: print(line, flush=True)) if rank == 0 else (lambda line: None)
    data = load_data(DATA, args, spec["seed"])
    inputs, targets = data["train"]
    inputs, targets = inputs.to(dtype), targets.to(dtype)
    seed, model, training = spec["seed"], spec["model"], spec["training"]
    if inputs.shape[1] != model["inputSize"]:
        fail(f"The data has {inputs.shape[1]} input features but the network expects {model['inputSize']}.")
    network = Network(model, seed, dtype)
    if targets.shape[1] != network.output_size:
        fail(f"The data has {targets.shape[1]} targets per row but the output layer has {network.output_size} units.")
    for layer in network.layers:  # per-process random draws while training
        layer.noise = torch_generator(seed, "noise", rank) if isinstance(layer, (Dense, Merge)) else None
        layer.generator = torch_generator(seed, "dropout", rank) if isinstance(layer, Dropout) else None

    # The validation split, from its own stream (unless the data has its own validation part),
    # then batches of the training rows.
    count = inputs.shape[0]
    rows = list(range(count))
    val_count = 0 if data["validation"] is not None else math.floor(count * training["validationFraction"] + 0.5)
    if val_count > 0:
        stream(seed, "split").shuffle(rows)
    val_rows, train_rows = sorted(rows[count - val_count :]), sorted(rows[: count - val_count])
    if not train_rows:
        fail("The validation split leaves no training data.")
    n = len(train_rows)
    batch = training["batch"]
    batch_size = 1 if batch["mode"] == "online" else n if batch["mode"] == "full" else min(batch["size"], n)
    sampler = EngineOrderSampler(train_rows, batch_size, stream(seed, "shuffle"), training["shuffle"], world, rank)

    classification = is_classification(targets)
    threshold = 0 if targets.shape[1] == 1 and bool((targets < 0).any()) else 0.5
    params = network.trainable()
    runner = DistributedDataParallel(network) if world > 1 and params else network
    optimizer = EngineOptimizer(params, spec["optimizer"])
    perceptron = spec["optimizer"]["id"] == "perceptron"
    mean = model["loss"]["reduction"] == "mean"
    eta0 = spec["optimizer"]["learningRate"]
    val = (inputs[val_rows], targets[val_rows]) if val_rows else None
    if data["validation"] is not None:
        val = (data["validation"][0].to(dtype), data["validation"][1].to(dtype))
    state = {"network": network, "best": None}
    history, epoch, iteration, stopped, restored = [], 0, 0, None, None
    learning_rate = schedule_rate(spec["schedule"], eta0, 0)
    if args.json:
        say(json.dumps({"event": "start", "title": TITLE, "examples": n, "processes": world, "seed": seed,
                        "precision": str(dtype).replace("torch.", "")}))
    else:
        say(f"Training “{TITLE}” on {n} examples with {world} process(es) (seed {seed}, {dtype})")

    while stopped is None:
        sampler.set_epoch(epoch)
        network.train()
        totals = torch.zeros(4, dtype=torch.float64)  # loss sum, examples, correct, non-finite batches
        complete = True
        for index, (local, size) in enumerate(sampler):
            x, t = inputs[local], targets[local]
            for p in params:
                p.grad = None
            optimizer.begin_batch()
            net, out = runner(x)
            losses = example_losses(model["loss"]["id"], OUTPUT_ACTIVATION, net, out, t, perceptron)
            batch_loss = float(losses.detach().sum())
            # ∂/∂w of Σ scale·E_i, scale = 1/|B| (mean) or 1 (sum); DDP averages over the N
            # processes, so each scales its share by N to give the global batch's gradient.
            if params:
                (losses.sum() * ((1.0 / size if mean else 1.0) * world)).backward()
            for p in params:
                if p.grad is None:
                    p.grad = torch.zeros_like(p)
            finite = math.isfinite(batch_loss)
            correct = float((class_of(out.detach(), threshold) == class_of(t, threshold)).sum()) if classification else 0
            totals += torch.tensor([batch_loss, len(local), correct, 0 if finite else 1], dtype=torch.float64)
            if not finite and world == 1:
                break
            regularize_and_clip(network, params, spec["regularization"], n)
            optimizer.step(learning_rate)
            iteration += 1
            if args.max_steps is not None and iteration >= args.max_steps:
                complete = index == len(sampler) - 1  # else stopped inside the epoch
                break
        if world > 1:
            dist.all_reduce(totals)
        finite_params = all(bool(torch.isfinite(p).all()) for p in network.parameters())
        if totals[3] > 0 or not finite_params:
            fail(f"Training diverged at epoch {epoch + 1}, iteration {iteration}: NaN or Infinity appeared. "
                 f"The learning rate η = {learning_rate} is probably too high (try 10× smaller).")
        if not complete:
            break
        epoch += 1
        seen = float(totals[1])
        metrics = {"epoch": epoch, "iterations": iteration, "learningRate": learning_rate,
                   "loss": float(totals[0]) / max(1, seen) if mean else float(totals[0])}
        if classification:
            metrics["accuracy"] = float(totals[2]) / max(1, seen)
            metrics["mistakes"] = int(seen - float(totals[2]))
        if val is not None:
            v = evaluate(network, val[0], val[1], spec, threshold, classification)
            metrics["valLoss"] = v["loss"]
            if "accuracy" in v:
                metrics["valAccuracy"] = v["accuracy"]
        stopped = check_stop(state, metrics, spec)
        restored = metrics.get("restoredEpoch", restored)
        history.append(metrics)
        learning_rate = schedule_rate(spec["schedule"], eta0, epoch)
        say(json.dumps({"event": "epoch", **metrics}) if args.json else epoch_line(metrics, training["maxEpochs"] if training.get("until") is None else None))
        if args.checkpoint and rank == 0:
            torch.save({"epoch": epoch, "iteration": iteration, "model": network.state_dict(),
                        "optimizer": optimizer.state_dict(), "history": history}, args.checkpoint)
        if stopped is None and args.max_steps is not None and iteration >= args.max_steps:
            break

    done = {"event": "done", "stopReason": stopped, "epochs": epoch, "iterations": iteration,
            "restoredEpoch": restored, "processes": world}
    if data["test"] is not None:
        test_inputs, test_targets = data["test"]
        done["test"] = evaluate(network, test_inputs.to(dtype), test_targets.to(dtype), spec, threshold, classification)
    if rank == 0:
        with open(args.out, "w") as f:
            model_json = model_file(network, spec, data, history, stopped, restored, iteration, classification, dtype)
            json.dump(model_json, f, indent=1)
            f.write("\n")
        done["out"] = os.path.abspath(args.out)
    if args.json:
        say(json.dumps(done))
    else:
        say(f"Stopped: {stopped} after {epoch} epochs ({iteration} updates)"
            + (f"; restored weights of epoch {restored}" if restored is not None else "") + ".")
        if "test" in done:
            accuracy = done["test"].get("accuracy")
            say(f"Test: loss {done['test']['loss']:.9g}" + (f", accuracy {100 * accuracy:.2f}%" if accuracy is not None else ""))
        say(f"Model written to {args.out}")
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`
