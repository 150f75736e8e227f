"""The numpy peer of `model-ci predict` (bench/predict/run.ts): the same model folder's weights
(model.json + weights.bin, TF.js layers format) and preprocessing.json, the same CSV in, the same
CSV out (label, one probability per class), in the ordinary numpy way: np.loadtxt, a float32
forward pass, np.savetxt.

    python3 numpy_forward.py MODEL_DIR IN.csv OUT.csv
"""
import json
import sys

import numpy as np

model_dir, csv_in, csv_out = sys.argv[1:4]
with open(f"{model_dir}/model.json") as f:
    model_json = json.load(f)
with open(f"{model_dir}/preprocessing.json") as f:
    pre = json.load(f)
if any(f["kind"] != "numeric" for f in pre["features"]) or pre["task"] != "binary-classification":
    sys.exit("this peer handles numeric features and a binary classifier only")

raw = np.fromfile(f"{model_dir}/weights.bin", dtype=np.float32)
weights, offset = [], 0
for spec in model_json["weightsManifest"][0]["weights"]:
    size = int(np.prod(spec["shape"]))
    weights.append(raw[offset : offset + size].reshape(spec["shape"]))
    offset += size
layers = [l["config"] for l in model_json["modelTopology"]["config"]["layers"] if l["class_name"] == "Dense"]
dense = [(weights[2 * i], weights[2 * i + 1], l["activation"]) for i, l in enumerate(layers)]

with open(csv_in) as f:
    header = f.readline().strip().split(",")
columns = [header.index(feature["name"]) for feature in pre["features"]]
x = np.loadtxt(csv_in, delimiter=",", skiprows=1, usecols=columns, dtype=np.float32, ndmin=2)
x -= np.array([feature["mean"] for feature in pre["features"]], dtype=np.float32)
x /= np.array([feature["std"] for feature in pre["features"]], dtype=np.float32)

activations = {
    "relu": lambda v: np.maximum(v, 0, out=v),
    "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
    "tanh": np.tanh,
    "linear": lambda v: v,
}
for kernel, bias, activation in dense:
    x = activations[activation](x @ kernel + bias)

p = x[:, 0].astype(np.float64)
classes = np.array(pre["classes"])
labels = classes[(p >= 0.5).astype(int)]
with open(csv_out, "w") as f:
    f.write(f"label,p_{classes[0]},p_{classes[1]}\n")
    np.savetxt(f, np.column_stack([labels, (1 - p).astype(str), p.astype(str)]), fmt="%s", delimiter=",")
