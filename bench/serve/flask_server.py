"""The comparison point for bench/serve/run.ts: the same model served the way many teams do it,
Flask behind gunicorn with a numpy forward pass over the weights in model.json + weights.bin.

Reads MODEL_DIR and MODEL_NAME from the environment; run with
    MODEL_DIR=... MODEL_NAME=... gunicorn -w 1 -b 127.0.0.1:8600 --chdir bench/serve flask_server:app
"""
import json
import os

import numpy as np
from flask import Flask, jsonify, request

ACTIVATIONS = {
    "linear": lambda x: x,
    "relu": lambda x: np.maximum(x, 0),
    "tanh": np.tanh,
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "softmax": lambda x: (lambda e: e / e.sum(axis=1, keepdims=True))(np.exp(x - x.max(axis=1, keepdims=True))),
}


def load(model_dir):
    with open(os.path.join(model_dir, "model.json")) as f:
        model_json = json.load(f)
    with open(os.path.join(model_dir, "preprocessing.json")) as f:
        pre = json.load(f)
    raw = b"".join(open(os.path.join(model_dir, p), "rb").read() for g in model_json["weightsManifest"] for p in g["paths"])
    tensors, offset = [], 0
    for spec in (w for g in model_json["weightsManifest"] for w in g["weights"]):
        count = int(np.prod(spec["shape"])) if spec["shape"] else 1
        tensors.append(np.frombuffer(raw, dtype=np.float32, count=count, offset=offset).reshape(spec["shape"]))
        offset += count * 4
    layers, index = [], 0
    for layer in model_json["modelTopology"]["config"]["layers"]:
        if layer["class_name"] == "Dense":
            kernel = tensors[index]
            bias = tensors[index + 1] if layer["config"].get("use_bias", True) else np.zeros(kernel.shape[1], np.float32)
            index += 2 if layer["config"].get("use_bias", True) else 1
            layers.append((kernel, bias, ACTIVATIONS[layer["config"]["activation"]]))
        elif layer["class_name"] != "Dropout":
            raise ValueError("unsupported layer " + layer["class_name"])
    return pre, layers


def encode(pre, instances):
    features = pre["features"]
    x = np.zeros((len(instances), pre["inputSize"]), dtype=np.float32)
    for i, instance in enumerate(instances):
        values = instance if isinstance(instance, list) else [instance[f["name"]] for f in features]
        if len(values) != len(features):
            raise ValueError("instances[%d]: expected %d values" % (i, len(features)))
        col = 0
        for feature, value in zip(features, values):
            if feature["kind"] == "numeric":
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    raise ValueError("instances[%d].%s: expected a number" % (i, feature["name"]))
                x[i, col] = (value - feature["mean"]) / feature["std"]
                col += 1
            else:
                k = feature["categories"].index(str(value)) if str(value) in feature["categories"] else -1
                if feature["encoding"] == "index":
                    x[i, col] = k
                    col += 1
                else:
                    if k >= 0:
                        x[i, col + k] = 1
                    col += len(feature["categories"])
    return x


def create_app(model_dir, name):
    pre, layers = load(model_dir)
    classes = pre.get("classes")
    app = Flask(__name__)

    @app.get("/healthz")
    def healthz():
        return "ok\n"

    @app.post("/v1/models/<model>:predict")
    def predict(model):
        if model != name:
            return jsonify(error="model %s is not served here" % model), 404
        body = request.get_json(force=True, silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("instances"), list) or not body["instances"]:
            return jsonify(error='expected {"instances": [...]}'), 400
        try:
            h = encode(pre, body["instances"])
        except (ValueError, KeyError, TypeError) as e:
            return jsonify(error=str(e)), 400
        for kernel, bias, activation in layers:
            h = activation(h @ kernel + bias)
        if pre["task"] == "regression":
            scale = pre.get("targetScale", {"mean": 0, "std": 1})
            return jsonify(predictions=[float(v) * scale["std"] + scale["mean"] for v in h[:, 0]])
        if h.shape[1] == 1:
            probabilities = [[1 - float(p), float(p)] for p in h[:, 0]]
        else:
            probabilities = h.tolist()
        return jsonify(predictions=[{"label": classes[int(np.argmax(p))], "probabilities": p} for p in probabilities])

    return app


app = create_app(os.environ["MODEL_DIR"], os.environ["MODEL_NAME"])
