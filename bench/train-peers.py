"""One peer's training run for bench/train-peers.ts: PyTorch or scikit-learn's MLPClassifier on the same
rows and network (30→32→16→1, ReLU, sigmoid + cross-entropy, Adam 1e-3, batch 256, 2 epochs, a fresh
shuffle per epoch). Usage: train-peers.py torch|sklearn <dir with x.f32 y.f32> <features> <threads> <repeats>.
Prints one JSON line: the best wall time and CPU time of the repeats, and the BLAS that ran."""
import json
import sys
import time
import warnings

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

peer, folder, features, threads, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(f"{folder}/x.f32", dtype=np.float32).reshape(-1, features)
y = np.fromfile(f"{folder}/y.f32", dtype=np.float32)
EPOCHS, BATCH, LR = 2, 256, 1e-3


def run_torch():
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    xs, ys = torch.from_numpy(X), torch.from_numpy(y).reshape(-1, 1)
    model = torch.nn.Sequential(
        torch.nn.Linear(features, 32), torch.nn.ReLU(), torch.nn.Linear(32, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1)
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.BCEWithLogitsLoss()  # sigmoid + cross-entropy, fused as PyTorch recommends
    for _ in range(EPOCHS):
        order = torch.randperm(len(xs))
        for start in range(0, len(xs), BATCH):
            idx = order[start : start + BATCH]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(xs[idx]), ys[idx])
            loss.backward()
            optimizer.step()
    return f"torch {torch.__version__}, threads {torch.get_num_threads()}"


def run_sklearn():
    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=(32, 16), activation="relu", solver="adam", alpha=0.0, batch_size=BATCH,
        learning_rate_init=LR, max_iter=EPOCHS, shuffle=True, random_state=0, tol=0.0,
        n_iter_no_change=10**9, early_stopping=False,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X, y.astype(np.int64))
    return f"scikit-learn {sklearn.__version__}"


best_wall, best_cpu, version = float("inf"), float("inf"), ""
with threadpool_limits(limits=threads):
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        version = run_torch() if peer == "torch" else run_sklearn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    blas = [
        f"{i.get('internal_api')} {i.get('version')} {i.get('architecture', '')} ({i.get('num_threads')} threads)".strip()
        for i in threadpool_info()
    ]
print(json.dumps({"rows": len(X), "wall": best_wall, "cpu": best_cpu, "version": version, "blas": blas}))
