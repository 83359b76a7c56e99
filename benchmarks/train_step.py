"""Time one gradient-descent step of ``train`` against textbook numpy and PyTorch.

One step is what ``softmax_core.training.train`` does per iteration: J, the
training accuracy and every gradient on all m examples, the update
``θ ← θ − α dθ`` and its finiteness check, and with a test share J and
accuracy on the held-out examples. It is compared, on the same seeded data
and the same non-zero random starting parameters, with

- **textbook**: the lecture's formulas written straight in float64 numpy, with
  the one-hot Y (C×m) built once before the loop, as a textbook training loop
  would (Z = W A + b, Ŷ = exp(Z − max) / sum, J = −sum(Y log Ŷ) / m,
  dZ = Ŷ − Y, dW = dZ Aᵀ / m, db = mean(dZ), the chain rule through tanh or
  ReLU, L2, the update). It does not compute the training accuracy;
- **torch** (if ``torch`` is importable): the same network in PyTorch on the
  CPU, float32, one thread, the gradients written out as ours are (no
  autograd, which only adds work), accuracy included;
- **before** (with ``--before PATH``): the step of another checkout of this
  repository, e.g. the tree before a change, imported beside this one.

torch is not a dependency of the app or its tests; to get the torch column
install a CPU build into the venv, e.g. ``pip install torch==2.13.0``.

The implementations alternate over the repeats (the machine is shared and
noisy), after a warm-up, and the table shows the median time of each. The
sizes the app trains come first (m 40…3000, C 2…10, hidden units 0…64, tanh
or ReLU, L2, a test share), then large sizes it never trains. A second table
times ``train`` itself, 3000 iterations with a snapshot every 1 %, at the
training page's sizes (this tree and ``--before``, alternating).

Run ``python benchmarks/train_step.py [--before ../tree-before]`` (a few
minutes on 2 cores) or ``--quick`` (small sizes, a few seconds). The exit
status is 1 if our J and the textbook's differ by more than 1e-4 relative.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# softmax_core first: it keeps BLAS on one thread (before numpy is imported),
# so every numpy column here, like torch's, runs on one core.
import numpy as np  # noqa: E402

import softmax_core  # noqa: E402
from softmax_core.network import Parameters, _Batch  # noqa: E402

try:  # torch is not a dependency: its column appears only where it is installed
    import torch
except ImportError:  # pragma: no cover - depends on the machine
    torch = None

ALPHA = 0.5
J_TOLERANCE = 1e-4


@dataclass(frozen=True)
class Size:
    m: int
    n: int
    C: int
    h: int = 0
    activation: str = "tanh"
    l2: float = 0.0
    test_share: float = 0.0
    repeats: int = 301

    @property
    def label(self) -> str:
        text = f"{self.m:,}×{self.n}×{self.C}"
        text += f", h {self.h} {self.activation}" if self.h else ", h 0"
        if self.l2:
            text += f", λ {self.l2:g}"
        if self.test_share:
            text += f", test {self.test_share:.0%}"
        return text


APP = [
    Size(40, 2, 2),
    Size(300, 2, 4),
    Size(1_000, 2, 4),
    Size(3_000, 2, 10),
    Size(40, 2, 2, 64, "tanh"),
    Size(300, 2, 4, 16, "tanh"),
    Size(3_000, 2, 10, 16, "tanh"),
    Size(3_000, 2, 10, 16, "relu"),
    Size(3_000, 2, 10, 64, "tanh", repeats=201),
    Size(3_000, 2, 10, 64, "relu", repeats=201),
    Size(300, 2, 4, 0, "tanh", 0.1, 0.2),
    Size(3_000, 2, 10, 64, "tanh", 0.01, 0.5, repeats=201),
]
LARGE = [
    Size(100_000, 2, 10, repeats=61),
    Size(60_000, 784, 10, repeats=9),
    Size(1_000_000, 2, 4, repeats=25),
]
QUICK = [
    Size(40, 2, 2, repeats=101),
    Size(1_000, 2, 4, repeats=101),
    Size(3_000, 2, 10, 64, "tanh", repeats=51),
    Size(300, 2, 4, 16, "relu", 0.1, 0.2, repeats=101),
]
# train at the training page's sizes: (data set, m, C, h, activation), 3000 steps.
TRAIN_RUNS = [
    ("blobs", 300, 4, 0, "tanh", 300),
    ("spirals", 3000, 10, 0, "tanh", 3000),
    ("blobs", 3000, 10, 16, "tanh", 3000),
    ("spirals", 3000, 10, 64, "tanh", 3000),
    ("spirals", 3000, 10, 64, "relu", 3000),
]


# --- the problem ---------------------------------------------------------------


@dataclass
class Problem:
    size: Size
    X: np.ndarray  # n×m_train, float64
    labels: np.ndarray
    X_test: np.ndarray | None
    labels_test: np.ndarray | None
    arrays: dict[str, np.ndarray]  # W1, b1 (W2, b2), float64


def make_problem(size: Size, seed: int) -> Problem:
    """Seeded random data and non-zero random starting parameters (float64)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((size.n, size.m))
    labels = rng.integers(0, size.C, size=size.m)
    m_test = int(round(size.m * size.test_share))
    X_test = labels_test = None
    if m_test:
        X, X_test = X[:, m_test:].copy(), X[:, :m_test].copy()
        labels, labels_test = labels[m_test:], labels[:m_test]
    rows = size.h or size.C
    arrays = {
        "W1": rng.standard_normal((rows, size.n)) / np.sqrt(size.n),
        "b1": rng.standard_normal((rows, 1)),
    }
    if size.h:
        arrays["W2"] = rng.standard_normal((size.C, size.h)) / np.sqrt(size.h)
        arrays["b2"] = rng.standard_normal((size.C, 1))
    return Problem(size, X, labels, X_test, labels_test, arrays)


# --- the steps -----------------------------------------------------------------


class Textbook:
    """The lecture's formulas in float64 numpy, Y one-hot C×m built once."""

    def __init__(self, p: Problem) -> None:
        self.p = p
        self.act = p.size.activation
        self.Y = np.zeros((p.size.C, p.labels.size))
        self.Y[p.labels, np.arange(p.labels.size)] = 1.0
        if p.X_test is not None:
            self.Y_test = np.zeros((p.size.C, p.labels_test.size))
            self.Y_test[p.labels_test, np.arange(p.labels_test.size)] = 1.0
        self.params = dict(p.arrays)

    def forward(self, P, X):
        if "W2" not in P:
            return None, P["W1"] @ X + P["b1"]
        Z1 = P["W1"] @ X + P["b1"]
        A1 = np.tanh(Z1) if self.act == "tanh" else np.maximum(Z1, 0)
        return A1, P["W2"] @ A1 + P["b2"]

    def step(self, P=None):
        P = self.params if P is None else P
        X, Y, l2 = self.p.X, self.Y, self.p.size.l2
        m = X.shape[1]
        A1, Z = self.forward(P, X)
        E = np.exp(Z - Z.max(axis=0, keepdims=True))
        Y_hat = E / E.sum(axis=0, keepdims=True)
        J = -np.sum(Y * np.log(Y_hat)) / m
        dZ = Y_hat - Y
        G = {}
        if A1 is None:
            G["W1"], G["b1"] = dZ @ X.T / m, np.mean(dZ, axis=1, keepdims=True)
        else:
            G["W2"], G["b2"] = dZ @ A1.T / m, np.mean(dZ, axis=1, keepdims=True)
            dA1 = P["W2"].T @ dZ
            dZ1 = dA1 * (1 - A1**2) if self.act == "tanh" else dA1 * (A1 > 0)
            G["W1"], G["b1"] = dZ1 @ X.T / m, np.mean(dZ1, axis=1, keepdims=True)
        if l2:
            for k in P:
                if k.startswith("W"):
                    J += l2 / (2 * m) * np.sum(P[k] ** 2)
                    G[k] = G[k] + l2 / m * P[k]
        test = None
        if self.p.X_test is not None:
            _, Z_t = self.forward(P, self.p.X_test)
            E_t = np.exp(Z_t - Z_t.max(axis=0, keepdims=True))
            Y_hat_t = E_t / E_t.sum(axis=0, keepdims=True)
            J_t = -np.sum(self.Y_test * np.log(Y_hat_t)) / Z_t.shape[1]
            test = (J_t, np.mean(np.argmax(Z_t, axis=0) == self.p.labels_test))
        stepped = {k: P[k] - ALPHA * G[k] for k in P}
        return float(J), stepped, test


class Ours:
    """One iteration of ``train``'s loop, as ``softmax_core.training`` runs it."""

    def __init__(self, p: Problem) -> None:
        s = p.size
        kw = dict(hidden_units=s.h, activation=s.activation, dtype=np.float32)
        self.batch = _Batch(p.X, p.labels, s.C, l2=s.l2, scale=ALPHA, **kw)
        self.test = None
        if p.X_test is not None:
            self.test = _Batch(p.X_test, p.labels_test, s.C, gradients=False, **kw)
        params = Parameters(
            **{k: v.astype(np.float32) for k, v in p.arrays.items()},
            activation=s.activation,
        )
        self.theta = self.batch.pack(params)
        self.spare = np.empty_like(self.theta)

    def step(self):
        # train enters np.errstate once for the whole run, not once a step.
        J, correct, alpha_grad = self.batch.cost_and_gradients(self.theta)
        test = None if self.test is None else self.test.cost_and_correct(self.theta)
        np.subtract(self.theta, alpha_grad, out=self.spare)
        if not np.isfinite(self.spare).all():
            raise FloatingPointError("the step made a parameter non-finite")
        return J, self.spare, test


class Before:
    """One iteration of the loop of ``train`` in another checkout (``--before``)."""

    def __init__(self, p: Problem, core: ModuleType) -> None:
        self.core = core
        s = p.size
        self.X = np.ascontiguousarray(p.X, dtype=np.float32)
        self.labels = p.labels.astype(np.intp)
        self.test = None
        if p.X_test is not None:
            self.test = (
                np.ascontiguousarray(p.X_test, dtype=np.float32),
                p.labels_test.astype(np.intp),
            )
        self.params = core.Parameters(
            **{k: v.astype(np.float32) for k, v in p.arrays.items()},
            activation=s.activation,
        )
        self.l2 = s.l2
        self.alpha = np.float32(ALPHA)

    def step(self):
        params = self.params
        with np.errstate(over="ignore", invalid="ignore"):
            J, _acc, grads = self.core.cost_and_gradients(
                params, self.X, self.labels, self.l2
            )
        test = None
        if self.test is not None:
            with np.errstate(over="ignore", invalid="ignore"):
                test = self.core.cost_and_accuracy(params, *self.test)
        with np.errstate(over="ignore", invalid="ignore"):
            stepped = self.core.Parameters(
                **{
                    k: v - self.alpha * grads[f"d{k}"]
                    for k, v in params.arrays().items()
                },
                activation=params.activation,
            )
        if not all(np.all(np.isfinite(v)) for v in stepped.arrays().values()):
            raise FloatingPointError("the step made a parameter non-finite")
        return J, stepped, test


class Torch:
    """The same network in torch (CPU, float32): log-sum-exp cost, Ŷ − Y without Y."""

    def __init__(self, p: Problem) -> None:
        s = p.size
        self.relu = s.activation == "relu"
        self.l2 = s.l2
        self.X = torch.from_numpy(np.ascontiguousarray(p.X, dtype=np.float32))
        self.labels = torch.from_numpy(p.labels.astype(np.int64))
        self.cols = torch.arange(p.labels.size)
        self.P = {
            k: torch.from_numpy(v.astype(np.float32)) for k, v in p.arrays.items()
        }
        self.test = None
        if p.X_test is not None:
            self.test = (
                torch.from_numpy(np.ascontiguousarray(p.X_test, dtype=np.float32)),
                torch.from_numpy(p.labels_test.astype(np.int64)),
            )

    def forward(self, P, X):
        if "W2" not in P:
            return None, torch.addmm(P["b1"], P["W1"], X)
        Z1 = torch.addmm(P["b1"], P["W1"], X)
        A1 = torch.relu(Z1) if self.relu else torch.tanh(Z1)
        return A1, torch.addmm(P["b2"], P["W2"], A1)

    def step(self):
        P, X, labels, cols = self.P, self.X, self.labels, self.cols
        m = X.shape[1]
        A1, Z = self.forward(P, X)
        correct = int((Z.argmax(dim=0) == labels).sum())  # train records accuracy
        Z = Z - Z.amax(dim=0, keepdim=True)
        J = (torch.logsumexp(Z, dim=0).sum() - Z[labels, cols].sum()) / m
        dZ = torch.softmax(Z, dim=0)
        dZ[labels, cols] -= 1
        G = {}
        if A1 is None:
            G["W1"], G["b1"] = dZ @ X.T / m, dZ.mean(dim=1, keepdim=True)
        else:
            G["W2"], G["b2"] = dZ @ A1.T / m, dZ.mean(dim=1, keepdim=True)
            dA1 = P["W2"].T @ dZ
            dZ1 = dA1 * (A1 > 0) if self.relu else dA1 * (1 - A1 * A1)
            G["W1"], G["b1"] = dZ1 @ X.T / m, dZ1.mean(dim=1, keepdim=True)
        if self.l2:
            for k in ("W1", "W2"):
                if k in P:
                    J = J + self.l2 / (2 * m) * (P[k] * P[k]).sum()
                    G[k] = G[k] + self.l2 / m * P[k]
        test = None
        if self.test is not None:
            X_t, labels_t = self.test
            _, Z_t = self.forward(P, X_t)
            loss = torch.nn.functional.cross_entropy(Z_t.T, labels_t)
            test = (float(loss), float((Z_t.argmax(dim=0) == labels_t).float().mean()))
        stepped = {k: P[k] - ALPHA * G[k] for k in P}
        return float(J), stepped, test, correct / m


# --- timing --------------------------------------------------------------------


def time_interleaved(
    steps: dict[str, Callable[[], object]], repeats: int, block: int = 5
) -> dict[str, float]:
    """Median seconds per call of each step, the steps taking turns.

    Each takes ``block`` steps in a row per turn, as in a training loop, where
    a step finds the previous one's arrays in cache: a step timed just after
    another implementation's would find its arrays evicted. The first step of
    each turn warms up and is not counted.
    """
    times: dict[str, list[float]] = {name: [] for name in steps}
    order = list(steps)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(max(1, repeats // block) + 1):
            for name in order if r % 2 == 0 else reversed(order):
                step = steps[name]
                step()
                for _ in range(block):
                    start = time.perf_counter()
                    step()
                    times[name].append(time.perf_counter() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: statistics.median(t) for name, t in times.items()}


def relative(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), np.finfo(float).tiny)


def load_tree(path: Path) -> ModuleType:
    """``softmax_core`` of another checkout, imported as ``softmax_core_before``."""
    init = path / "softmax_core" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        "softmax_core_before", init, submodule_search_locations=[str(init.parent)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_size(size: Size, seed: int, before: ModuleType | None) -> dict[str, object]:
    p = make_problem(size, seed)
    text, ours = Textbook(p), Ours(p)
    steps: dict[str, Callable[[], object]] = {"textbook": text.step, "ours": ours.step}
    if torch is not None:
        torch_step = Torch(p).step
        steps["torch"] = torch_step
    if before is not None:
        steps["before"] = Before(p, before).step
    with np.errstate(over="ignore", invalid="ignore"):
        medians = time_interleaved(steps, size.repeats)

    J_text, stepped_text, test_text = text.step()
    J_ours, stepped_ours, test_ours = ours.step()
    ours_arrays = ours.batch.unpack(stepped_ours).arrays()
    param_err = max(
        float(np.max(np.abs(ours_arrays[k] - v)) / np.max(np.abs(v)))
        for k, v in stepped_text.items()
    )
    row = {**medians, "J_err": relative(J_ours, J_text), "param_err": param_err}
    if test_text is not None:
        row["J_err"] = max(row["J_err"], relative(test_ours[0], test_text[0]))
    if torch is not None:
        row["torch_J_err"] = relative(torch_step()[0], J_text)
    return row


def time_train(before: ModuleType | None, repeats: int) -> list[list[str]]:
    """Seconds for ``train`` at the page's sizes, this tree and ``before`` in turn."""
    rows = []
    for kind, m, C, h, activation, iterations in TRAIN_RUNS:
        make = softmax_core.make_blobs if kind == "blobs" else softmax_core.make_spirals
        X, labels = make(m, C, seed=0)
        kw = dict(
            learning_rate=ALPHA,
            iterations=iterations,
            hidden_units=h,
            activation=activation,
            snapshot_every=max(1, iterations // 100),
        )
        trees = {"ours": softmax_core}
        if before is not None:
            trees["before"] = before
        times: dict[str, list[float]] = {name: [] for name in trees}
        for r in range(repeats):
            for name in trees if r % 2 == 0 else reversed(trees):
                start = time.perf_counter()
                trees[name].train(X, labels, C, **kw)
                times[name].append(time.perf_counter() - start)
        ours = statistics.median(times["ours"])
        cells = [
            f"{kind}, {m:,}, C {C}, h {h}" + (f" {activation}" if h else ""),
            f"{iterations:,}",
            f"{ours:.2f} s ({min(times['ours']):.2f})",
            f"{ours / iterations * 1e3:.3f}",
        ]
        if before is not None:
            was = statistics.median(times["before"])
            cells += [f"{was:.2f} s ({min(times['before']):.2f})", f"{was / ours:.1f}×"]
        rows.append(cells)
        print("| " + " | ".join(cells) + " |", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes only, for a smoke check"
    )
    parser.add_argument(
        "--before", type=Path, help="another checkout of this repository to compare"
    )
    parser.add_argument(
        "--no-large", action="store_true", help="only the sizes the app trains"
    )
    parser.add_argument(
        "--train-repeats", type=int, default=3, help="runs of train per tree"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    if torch is not None:
        torch.set_num_threads(1)
    before = load_tree(args.before.resolve()) if args.before else None
    sizes = QUICK if args.quick else APP + ([] if args.no_large else LARGE)
    names = ["textbook", "torch", "ours", "before"]
    shown = [n for n in names if n != "torch" or torch is not None]
    shown = [n for n in shown if n != "before" or before is not None]
    header = ["m×n×C, hidden, λ, test"] + [f"{n} ms/step" for n in shown]
    rival = "the faster of textbook and torch" if torch is not None else "textbook"
    header += [f"ours vs {rival}", "J rel. diff", "load"]
    if before is not None:
        header.insert(-2, "before/ours")
    print(
        f"numpy {np.__version__}"
        + (f", torch {torch.__version__} (1 thread)" if torch is not None else "")
        + ("" if torch is not None else ", no torch")
        + f"; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start;"
        + " one step = J, accuracy, gradients, update (and the test set's J)\n"
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    ok = True
    started = time.perf_counter()
    for size in sizes:
        row = run_size(size, args.seed, before)
        ok &= row["J_err"] <= J_TOLERANCE
        rival = min(row["textbook"], row.get("torch", np.inf))
        cells = [size.label] + [f"{row[n] * 1e3:.3f}" for n in shown]
        cells.append(f"{rival / row['ours']:.2f}×")
        if before is not None:
            cells.append(f"{row['before'] / row['ours']:.2f}×")
        cells.append(f"{row['J_err']:.1e}")
        cells.append(f"{os.getloadavg()[0]:.1f}")
        print("| " + " | ".join(cells) + " |", flush=True)
    if not args.quick:
        print(
            f"\n`train`, a snapshot every 1 %, median (best) of {args.train_repeats}"
            f" (load average {os.getloadavg()[0]:.1f}):\n"
        )
        header = ["data, m, C, hidden", "iterations", "ours (best)", "ours ms/step"]
        if before is not None:
            header += ["before (best)", "before/ours"]
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|")
        time_train(before, args.train_repeats)
    print(
        f"\n{time.perf_counter() - started:.0f} s in all;"
        f" load average {os.getloadavg()[0]:.1f} at the end."
    )
    if not ok:
        print(f"J differs from the textbook's by more than {J_TOLERANCE:g}.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
