/**
 * Python section: reading the project's data as the engine does (`src/engine/data`, `src/cli/data.ts`):
 * the inline table, IDX (.gz) images + labels, or a CSV with its column roles; the limit; the
 * normalisation fitted on the training rows; and the engine's read rule (x − shift)·scale.
 */
export const PY_DATA = String.raw`
# ---------------------------------------------------------------------------------------------
# Data (engine/data): raw values are read as the engine stores them, the normalisation is fitted
# on the training rows only, and every row the network sees is (x − shift)·scalePerFeature·scale.
# ---------------------------------------------------------------------------------------------
MISSING = {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?", "-"}


def data_path(path):
    """Paths in DATA are relative to this script's folder."""
    return path if os.path.isabs(path) else os.path.join(os.path.dirname(os.path.abspath(__file__)), path)


def read_idx(path):
    """An IDX file, gzipped or not, as a numpy array; and whether it holds bytes."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    types = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in types:
        fail(f"{path} is not an IDX file (it does not start with the IDX magic number).")
    rank = raw[3]
    dims = struct.unpack(">" + "I" * rank, raw[4 : 4 + 4 * rank])
    count = math.prod(dims)
    data = numpy.frombuffer(raw, dtype=types[raw[2]], offset=4 + 4 * rank, count=count)
    return data.reshape(dims).astype(numpy.float64), raw[2] == 0x08


def one_hot(codes, size):
    rows = torch.zeros(len(codes), size, dtype=torch.float64)
    rows[torch.arange(len(codes)), torch.tensor(codes, dtype=torch.long)] = 1.0
    return rows


def load_idx(images_path, labels_path, label_names):
    images, is_bytes = read_idx(data_path(images_path))
    labels, _ = read_idx(data_path(labels_path))
    if labels.shape[0] != images.shape[0]:
        fail(f"The images file has {images.shape[0]} images but the labels file has {labels.shape[0]} labels.")
    codes = [int(y) for y in labels.reshape(-1)]
    if max(codes) >= len(label_names):
        fail(f"The labels go up to {max(codes)}, but the project names {len(label_names)} classes.")
    inputs = torch.from_numpy(images.reshape(images.shape[0], -1).copy())
    return {"inputs": inputs, "targets": one_hot(codes, len(label_names)), "scale": 1 / 255 if is_bytes else 1,
            "shape": list(images.shape[1:]), "labelNames": label_names}


def csv_number(cell, decimal_comma, where):
    text = cell.strip()
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        fail(f"{where}: “{cell}” is not a number.")


def csv_class(cell, col, where):
    """Index of a class cell: by its name, or (byValue) the whole number it holds."""
    text = cell.strip()
    if col.get("byValue"):
        value = csv_number(cell, False, where)
        if value.is_integer() and 0 <= value < len(col["categories"]):
            return int(value)
    elif text in col["categories"]:
        return col["categories"].index(text)
    elif text.replace(".", "", 1).lstrip("+-").isdigit() and float(text).is_integer() and str(int(float(text))) in col["categories"]:
        return col["categories"].index(str(int(float(text))))
    fail(f"{where}: “{cell}” is not one of the classes {col['categories']}.")


def load_csv(path, recipe):
    """A CSV with the project's column roles: numbers, one-hot categories, a class column."""
    with open(data_path(path), newline="", encoding=recipe["encoding"]) as f:
        lines = f.read().splitlines()[recipe.get("skipLines", 0) :]
    rows = [row for row in csv.reader(lines, delimiter=recipe["delimiter"]) if any(c.strip() for c in row)]
    if recipe["header"]:
        names = [c.strip() or f"column {i + 1}" for i, c in enumerate(rows[0])]
        rows = rows[1:]
    else:
        names = [f"column {i + 1}" for i in range(len(rows[0]))]
    for col in recipe["features"] + recipe["targets"]:
        if col["name"] not in names:
            fail(f"{path} has no column “{col['name']}”.")

    def encode(row, line, columns, is_target):
        values = []
        for col in columns:
            cell = row[names.index(col["name"])] if names.index(col["name"]) < len(row) else ""
            where = f"{path}, row {line}, column “{col['name']}”"
            if cell.strip() in MISSING:
                if recipe["missing"] == "drop" or (recipe["missing"] == "fill" and is_target):
                    return None
                if recipe["missing"] == "fill" and col["name"] in recipe["fills"]:
                    # The value the app filled this column with (fitted on its training part).
                    cell = recipe["fills"][col["name"]]
                    if "categories" not in col:
                        values.append(float(cell))
                        continue
                    cell = str(cell)
                else:
                    fail(f"{where} is missing a value (the project refuses rows with missing values).")
            if "categories" in col:
                block = [0.0] * len(col["categories"])
                block[csv_class(cell, col, where)] = 1.0
                values += block
            else:
                values.append(csv_number(cell, recipe["decimalComma"], where))
        return values

    inputs, targets = [], []
    for i, row in enumerate(rows):
        x, t = encode(row, i + 1, recipe["features"], False), encode(row, i + 1, recipe["targets"], True)
        if x is not None and t is not None:
            inputs.append(x)
            targets.append(t)
    classes = recipe["targets"][0].get("categories") if len(recipe["targets"]) == 1 else None
    targets = torch.tensor(targets, dtype=torch.float64)
    if recipe["targets"][0].get("binary"):  # one output holding the class, 0 or 1
        targets = targets[:, 1:]
    return {"inputs": torch.tensor(inputs, dtype=torch.float64), "targets": targets, "scale": 1, "labelNames": classes}


def load_table(data):
    return {"inputs": torch.tensor(data["inputs"], dtype=torch.float64),
            "targets": torch.tensor(data["targets"], dtype=torch.float64), "scale": 1,
            "labelNames": data.get("labelNames")}


def fit_normalization(inputs, scaling, own_scale):
    """(shift, scalePerFeature, scale) fitted on the training rows (engine/data/normalize.ts)."""
    n = inputs.shape[1]
    if scaling == "none":
        return None, None, own_scale
    if scaling == "divide255":
        return torch.zeros(n, dtype=torch.float64), torch.full((n,), 1 / 255, dtype=torch.float64), 1
    if scaling == "minMax":
        low, high = inputs.min(0).values, inputs.max(0).values
        return low, torch.where(high > low, 1 / (high - low), torch.ones_like(low)), 1
    if scaling == "zScore":
        mean = inputs.sum(0) / inputs.shape[0]
        std = torch.sqrt(((inputs - mean) ** 2).sum(0) / inputs.shape[0])
        return mean, torch.where(std > 0, 1 / std, torch.ones_like(std)), 1
    fail("unknown scaling " + scaling)


def model_inputs(inputs, shift, per_feature, scale):
    """What the network sees: x'_k = (x_k − shift[k])·scalePerFeature[k]·scale."""
    if shift is None:
        return inputs if scale == 1 else inputs * scale
    return (inputs - shift) * per_feature * scale


def split_rows(targets, validation, test, stratify, seed):
    """Seeded train / validation / test rows (engine/data/split.ts), by class when stratified."""
    rng = stream(seed, "split")
    count = targets.shape[0]
    if stratify and targets.shape[1] > 1:
        labels = targets.argmax(1).tolist()
        groups = [[i for i in range(count) if labels[i] == k] for k in range(targets.shape[1])]
    else:
        groups = [list(range(count))]
    parts = {"train": [], "validation": [], "test": []}
    for group in groups:
        if not group:
            continue
        rng.shuffle(group)
        n_test = math.floor(len(group) * test + 0.5)
        n_val = math.floor(len(group) * validation + 0.5)
        for r, row in enumerate(group):
            parts["test" if r < n_test else "validation" if r < n_test + n_val else "train"].append(row)
    return {name: sorted(rows) for name, rows in parts.items()}


def load_data(data, args, seed):
    """Training, validation and test sets as the network sees them, and the preprocessing to record."""
    kind = data["kind"]
    if kind == "table":
        train, test = load_table(data), None
    elif kind == "idx":
        names = data["labelNames"]
        train = load_idx(args.data or data["train"]["images"], args.labels or data["train"]["labels"], names)
        t = data.get("test")
        test_images = args.test_data or (t and t["images"])
        test_labels = args.test_labels or (t and t["labels"])
        test = load_idx(test_images, test_labels, names) if test_images and test_labels else None
    else:
        train = load_csv(args.data or data["train"], data)
        test_path = args.test_data or data.get("test")
        test = load_csv(test_path, data) if test_path else None
    inputs, targets = train["inputs"], train["targets"]
    limit = data.get("limit")
    if limit is not None and limit < inputs.shape[0]:
        inputs, targets = inputs[:limit], targets[:limit]
    parts = split_rows(targets, data.get("validationFraction", 0), 0 if test else data.get("testFraction", 0),
                       data.get("stratify", False), seed)
    if not parts["train"]:
        fail(f"The split leaves no rows for training (the data has {inputs.shape[0]}).")
    sets = {name: (inputs[rows], targets[rows]) if rows else None for name, rows in parts.items()}
    if test is not None:
        sets["test"] = (test["inputs"], test["targets"])
    shift, per_feature, scale = fit_normalization(sets["train"][0], data.get("scaling", "none"), train["scale"])
    prep = {"scale": scale}
    if shift is not None:
        prep["shift"], prep["scalePerFeature"] = shift.tolist(), per_feature.tolist()
    for key in ("featureNames", "targetNames"):
        if data.get(key):
            prep[key] = data[key]
    if train.get("labelNames"):
        prep["labelNames"] = train["labelNames"]
    result = {"preprocessing": prep, "inputShape": train.get("shape")}
    for name, part in sets.items():
        result[name] = None if part is None else (model_inputs(part[0], shift, per_feature, scale), part[1])
    return result


def is_classification(targets):
    """Class labels: one-hot rows, or a single 0/1 (or −1/+1) output (engine/train/batchRows.ts)."""
    if targets.shape[1] == 1:
        values = set(targets[:, 0].tolist())
        return len(values) <= 2 and values <= {0.0, 1.0, -1.0}
    return bool(((targets == 0) | (targets == 1)).all() and (targets.sum(1) == 1).all())


def class_of(values, threshold):
    """argmax (the first on ties) for several outputs; for one, 1 if ≥ threshold else 0."""
    if values.shape[1] == 1:
        return (values[:, 0] >= threshold).long()
    return values.argmax(1)
`
