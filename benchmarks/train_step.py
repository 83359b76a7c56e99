"""Time one gradient-descent step of ``train`` against a textbook numpy version.

One step is what ``softmax_core.training.train`` does per iteration for
softmax regression (no hidden layer): ``cost_and_gradients`` on all m
examples, then ``W ← W − α dW`` and ``b ← b − α db``. The textbook step is the
lecture's formulas written straight in float64 numpy, with the one-hot Y
(C×m) built once before the loop, as a textbook training loop would:

    Z = W X + b,  Ŷ = exp(Z − max) / sum,  J = −sum(Y log Ŷ) / m,
    dZ = Ŷ − Y,  dW = dZ Xᵀ / m,  db = mean(dZ),  then the update.

Both start from the same non-zero random W, b on seeded random data. The
implementations alternate over the repeats (the machine is shared and noisy),
after a warm-up, and the table shows the median time of each. If ``torch`` is
importable a third column times the same math in torch (CPU, float32).

Run ``python benchmarks/train_step.py`` (about 1-2 minutes on 2 cores) or
``python benchmarks/train_step.py --quick`` (small sizes, a few seconds).
The exit status is 1 if ours and the textbook disagree on J by more than
1e-4 relative.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from softmax_core.network import Parameters, cost_and_gradients  # noqa: E402

try:  # torch is not a dependency: its column appears only where it is installed
    import torch
except ImportError:  # pragma: no cover - depends on the machine
    torch = None

ALPHA = 0.5
J_TOLERANCE = 1e-4
# (m, n, C, repeats): repeats are fewer where a step is slow.
FULL = [
    (1_000, 2, 4, 301),
    (100_000, 2, 10, 61),
    (60_000, 784, 10, 9),
    (1_000_000, 2, 4, 25),
]
QUICK = [
    (1_000, 2, 4, 51),
    (10_000, 2, 10, 21),
    (2_000, 784, 10, 11),
]


def textbook_step(
    W: np.ndarray, b: np.ndarray, X: np.ndarray, Y: np.ndarray, alpha: float
) -> tuple[float, np.ndarray, np.ndarray]:
    """The lecture's formulas in float64, Y one-hot C×m."""
    m = X.shape[1]
    Z = W @ X + b
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    Y_hat = E / E.sum(axis=0, keepdims=True)
    J = -np.sum(Y * np.log(Y_hat)) / m
    dZ = Y_hat - Y
    dW = dZ @ X.T / m
    db = np.mean(dZ, axis=1, keepdims=True)
    return float(J), W - alpha * dW, b - alpha * db


def ours_step(
    params: Parameters, X: np.ndarray, labels: np.ndarray, alpha: np.floating
) -> tuple[float, Parameters]:
    """One iteration of ``train``'s loop: cost_and_gradients, then the update."""
    with np.errstate(over="ignore", invalid="ignore"):
        J, _acc, grads = cost_and_gradients(params, X, labels)
    with np.errstate(over="ignore", invalid="ignore"):
        stepped = Parameters(
            **{k: v - alpha * grads[f"d{k}"] for k, v in params.arrays().items()},
            activation=params.activation,
        )
    if not all(np.all(np.isfinite(v)) for v in stepped.arrays().values()):
        raise FloatingPointError("the step made a parameter non-finite")
    return J, stepped


def torch_step(W, b, X, labels, alpha: float):
    """The same math as ours in torch: log-sum-exp cost, Ŷ − Y without Y."""
    m = X.shape[1]
    Z = torch.addmm(b, W, X)
    correct = int((Z.argmax(dim=0) == labels).sum())  # train records accuracy too
    Z = Z - Z.amax(dim=0, keepdim=True)
    cols = torch.arange(m)
    J = (torch.logsumexp(Z, dim=0).sum() - Z[labels, cols].sum()) / m
    dZ = torch.softmax(Z, dim=0)
    dZ[labels, cols] -= 1
    dW = dZ @ X.T / m
    db = dZ.mean(dim=1, keepdim=True)
    return float(J), W - alpha * dW, b - alpha * db, correct / m


def make_problem(m: int, n: int, C: int, seed: int):
    """Seeded random data and non-zero random starting parameters (float64)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, m))
    labels = rng.integers(0, C, size=m)
    W = rng.standard_normal((C, n)) / np.sqrt(n)
    b = rng.standard_normal((C, 1))
    return X, labels, W, b


def time_interleaved(
    steps: dict[str, Callable[[], object]], repeats: int, warmup: int = 2
) -> dict[str, float]:
    """Median seconds per call of each step, the steps alternating every repeat."""
    for _ in range(warmup):
        for step in steps.values():
            step()
    times: dict[str, list[float]] = {name: [] for name in steps}
    order = list(steps)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(repeats):
            for name in order if r % 2 == 0 else reversed(order):
                start = time.perf_counter()
                steps[name]()
                times[name].append(time.perf_counter() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: statistics.median(t) for name, t in times.items()}


def relative(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), np.finfo(float).tiny)


def run_shape(m: int, n: int, C: int, repeats: int, seed: int) -> dict[str, object]:
    X64, labels, W64, b64 = make_problem(m, n, C, seed)
    Y = np.zeros((C, m))
    Y[labels, np.arange(m)] = 1.0  # one-hot, built once like a textbook loop
    # What train hands to cost_and_gradients: C-contiguous float32 X, intp labels.
    X32 = np.ascontiguousarray(X64, dtype=np.float32)
    labels_intp = labels.astype(np.intp)
    params = Parameters(W1=W64.astype(np.float32), b1=b64.astype(np.float32))
    alpha32 = np.float32(ALPHA)

    steps: dict[str, Callable[[], object]] = {
        "textbook": lambda: textbook_step(W64, b64, X64, Y, ALPHA),
        "ours": lambda: ours_step(params, X32, labels_intp, alpha32),
    }
    if torch is not None:
        tX = torch.from_numpy(X32)
        tW = torch.from_numpy(params.W1.copy())
        tb = torch.from_numpy(params.b1.copy())
        tlabels = torch.from_numpy(labels.astype(np.int64))
        steps["torch"] = lambda: torch_step(tW, tb, tX, tlabels, ALPHA)
    medians = time_interleaved(steps, repeats)

    J_text, W_text, b_text = textbook_step(W64, b64, X64, Y, ALPHA)
    J_ours, stepped = ours_step(params, X32, labels_intp, alpha32)
    W_err = float(np.max(np.abs(stepped.W1 - W_text)) / np.max(np.abs(W_text)))
    b_err = float(np.max(np.abs(stepped.b1 - b_text)) / np.max(np.abs(b_text)))
    row = {
        "shape": f"{m:,}×{n}×{C}",
        "textbook": medians["textbook"],
        "ours": medians["ours"],
        "J_err": relative(J_ours, J_text),
        "param_err": max(W_err, b_err),
        "J": J_text,
    }
    if torch is not None:
        row["torch"] = medians["torch"]
        row["torch_J_err"] = relative(torch_step(tW, tb, tX, tlabels, ALPHA)[0], J_text)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes only, for a smoke check"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    shapes = QUICK if args.quick else FULL
    header = [
        "m×n×C",
        "textbook ms/step",
        "ours ms/step",
        "ratio (textbook/ours)",
        "J rel. diff",
        "W, b rel. diff after step",
    ]
    if torch is not None:
        header += ["torch ms/step", "torch J rel. diff"]
    print(
        f"numpy {np.__version__}"
        + (f", torch {torch.__version__}" if torch is not None else ", no torch")
        + f"; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start;"
        + " softmax regression, one step = cost and gradients + update\n"
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    ok = True
    started = time.perf_counter()
    for m, n, C, repeats in shapes:
        row = run_shape(m, n, C, repeats, args.seed)
        ok &= row["J_err"] <= J_TOLERANCE
        cells = [
            row["shape"],
            f"{row['textbook'] * 1e3:.3f}",
            f"{row['ours'] * 1e3:.3f}",
            f"{row['textbook'] / row['ours']:.2f}×",
            f"{row['J_err']:.1e}",
            f"{row['param_err']:.1e}",
        ]
        if torch is not None:
            cells += [f"{row['torch'] * 1e3:.3f}", f"{row['torch_J_err']:.1e}"]
        print("| " + " | ".join(cells) + " |", flush=True)
    print(f"\n{time.perf_counter() - started:.0f} s in all.")
    if not ok:
        print(f"J differs from the textbook's by more than {J_TOLERANCE:g}.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
