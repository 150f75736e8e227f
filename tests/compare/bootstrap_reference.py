"""An independent paired bootstrap for tests/compare/paired-bootstrap.test.ts.

Reads {task, truth, base, head, seed, resamples, confidence} (JSON, stdin); draws the same row indices as
model-ci (mulberry32 from the same seed, `floor(random() * n)`), materialises each resample's rows and scores
them with numpy written from the metrics' definitions (ROC AUC from scipy's average ranks), then takes
numpy's percentiles. Prints {metric: [low, high, delta]} as JSON.
"""
import json
import sys

import numpy as np
from scipy.stats import rankdata


def mulberry32(seed):
    state = seed & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def draw():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t = (t ^ ((t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return draw


def per_class(truth, label, k):
    present = [c for c in range(k) if (truth == c).any() or (label == c).any()]
    out = {}
    for c in range(k):
        tp = float(((truth == c) & (label == c)).sum())
        predicted = float((label == c).sum())
        actual = float((truth == c).sum())
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        out[c] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out, present


def scores(task, truth, side, k):
    if task == "regression":
        pred = side["value"]
        residual = ((truth - pred) ** 2).sum()
        total = ((truth - truth.mean()) ** 2).sum()
        return {
            "rmse": float(np.sqrt(((truth - pred) ** 2).mean())),
            "mae": float(np.abs(truth - pred).mean()),
            "r2": float(1 - residual / total) if total else (1.0 if residual == 0 else 0.0),
        }
    label = side["label"]
    classes, present = per_class(truth, label, k)
    if task == "binary-classification":
        p, r, f = classes[1]
    else:
        p, r, f = (float(np.mean([classes[c][i] for c in present])) for i in range(3))
    out = {"accuracy": float((truth == label).mean()), "precision": p, "recall": r, "f1": f}
    proba = side["probabilities"]
    if task == "binary-classification":
        positives = truth == 1
        n1, n0 = int(positives.sum()), int((~positives).sum())
        ranks = rankdata(proba[:, 1])
        out["roc_auc"] = (ranks[positives].sum() - n1 * (n1 + 1) / 2) / (n1 * n0) if n1 and n0 else float("nan")
    true_p = np.clip(proba[np.arange(len(truth)), truth], 1e-15, 1 - 1e-15)
    out["log_loss"] = float(-np.log(true_p).mean())
    return out


def main():
    spec = json.load(sys.stdin)
    task, n, k = spec["task"], len(spec["truth"]), spec.get("classes", 0)
    truth = np.array(spec["truth"])
    sides = {}
    for name in ("base", "head"):
        side = {key: np.array(value) for key, value in spec[name].items()}
        if "probabilities" in side:
            side["probabilities"] = side["probabilities"].reshape(n, k)
        sides[name] = side
    draw = mulberry32(spec["seed"])
    deltas = {}
    for _ in range(spec["resamples"]):
        index = np.array([int(draw() * n) for _ in range(n)])
        pick = lambda side: {key: value[index] for key, value in side.items()}
        head = scores(task, truth[index], pick(sides["head"]), k)
        base = scores(task, truth[index], pick(sides["base"]), k)
        for name in head:
            delta = head[name] - base[name]
            if np.isfinite(delta):
                deltas.setdefault(name, []).append(delta)
    tail = (1 - spec["confidence"]) / 2 * 100
    point_head = scores(task, truth, sides["head"], k)
    point_base = scores(task, truth, sides["base"], k)
    print(json.dumps({name: [float(np.percentile(values, tail)), float(np.percentile(values, 100 - tail)), point_head[name] - point_base[name]] for name, values in deltas.items()}))


main()
