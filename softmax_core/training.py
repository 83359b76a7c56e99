r"""Batch gradient descent for a softmax classifier, started from dz[L] = Ŷ − Y.

Each iteration computes the cost J and its gradients with the kernel of
:func:`softmax_core.network.cost_and_gradients` and steps every parameter
against its gradient, W ← W − α dW, b ← b − α db. A run records J and the
training accuracy at every iteration and keeps snapshots of the parameters.

The data are laid out once per run and the parameters live in one flat vector
θ for the whole run (``network._Batch``): at the page's sizes, numpy's fixed
cost per call and per allocated array, not arithmetic, was most of a step.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .network import Parameters, _Batch, init_params

# A J this many times its starting value means the steps overshoot and grow:
# stop there rather than draw a curve that leaves the plot for ever.
DIVERGENCE_FACTOR = 1e4


@dataclass(frozen=True)
class TrainingHistory:
    """What a training run records.

    Attributes
    ----------
    costs : numpy.ndarray
        J at iteration 0 and after every step (length iterations + 1, shorter
        if training diverged).
    accuracies : numpy.ndarray
        Training accuracy at the same iterations.
    snapshots : dict of int to Parameters
        Parameters at the requested iterations, for scrubbing through training.
    params : Parameters
        The final (last finite) parameters.
    diverged : bool
        True if a step made J or a parameter non-finite; training stopped there.
    test_costs, test_accuracies : numpy.ndarray
        J (without regularization) and accuracy on the held-out test set at
        the same iterations; empty when there is no test set.
    """

    costs: np.ndarray
    accuracies: np.ndarray
    snapshots: dict[int, Parameters] = field(default_factory=dict)
    params: Parameters | None = None
    diverged: bool = False
    test_costs: np.ndarray = field(default_factory=lambda: np.empty(0))
    test_accuracies: np.ndarray = field(default_factory=lambda: np.empty(0))

    @property
    def iterations_done(self) -> int:
        """The number of gradient-descent steps whose J is recorded."""
        return len(self.costs) - 1


def _prepare(
    X: np.typing.ArrayLike, labels: np.typing.ArrayLike, num_classes: int, dtype
) -> tuple[np.ndarray, np.ndarray]:
    X = np.ascontiguousarray(X, dtype=dtype)
    labels = np.asarray(labels).reshape(-1)
    if X.ndim != 2 or X.shape[1] != labels.size or labels.size == 0:
        raise ValueError(
            f"X must be n×m and labels must have m entries; got X of shape {X.shape}"
            f" and {labels.size} labels."
        )
    if not np.all(np.isfinite(X)):
        raise ValueError(
            "X has a missing or infinite value; every feature must be a number."
        )
    from .losses import one_hot

    one_hot(labels, num_classes)  # raises a clear ValueError for a bad label
    return X, labels.astype(np.intp)


def train(
    X: np.typing.ArrayLike,
    labels: np.typing.ArrayLike,
    num_classes: int,
    *,
    learning_rate: float,
    iterations: int,
    hidden_units: int = 0,
    activation: str = "tanh",
    seed: int = 0,
    snapshot_every: int | None = None,
    l2: float = 0.0,
    test: tuple[np.typing.ArrayLike, np.typing.ArrayLike] | None = None,
    dtype: np.typing.DTypeLike = np.float32,
    progress: Callable[[int], object] | None = None,
) -> TrainingHistory:
    r"""Fit a softmax classifier by batch gradient descent.

    Each step computes J and dZ[L] = Ŷ − Y on all m examples, backpropagates
    to every W and b and updates them:

    .. math:: W \leftarrow W - \alpha\, dW, \qquad b \leftarrow b - \alpha\, db

    Parameters
    ----------
    X : array_like
        n×m features.
    labels : array_like of int
        m class indices in 0 … C−1.
    num_classes : int
        C.
    learning_rate : float
        α > 0.
    iterations : int
        Number of gradient-descent steps (≥ 0).
    hidden_units : int, optional
        0 for softmax regression (Z = W X + b); h > 0 adds one hidden layer.
    activation : {"tanh", "relu"}, optional
        The hidden layer's activation.
    seed : int, optional
        Seeds the hidden layer's random initial weights.
    snapshot_every : int, optional
        Keep the parameters every this many iterations (and at the last); by
        default only at iteration 0 and at the end.
    l2 : float, optional
        L2 regularization λ ≥ 0 (beyond the lecture): J gains
        (λ / 2m) Σ‖W‖², see :func:`softmax_core.network.cost_and_gradients`.
    test : (X_test, labels_test), optional
        A held-out set whose J and accuracy are recorded at every iteration;
        it never takes part in the gradient.
    dtype : dtype, optional
        float32 (fast, the default) or float64.
    progress : callable, optional
        Called with the number of steps taken after each step, e.g. to
        draw a progress bar.

    Returns
    -------
    TrainingHistory
        J and accuracy at iteration 0 and after every step, snapshots and the
        final parameters. If a step makes a parameter or J non-finite, or J
        grows past ``DIVERGENCE_FACTOR`` times its start (divergence),
        training stops before it and ``diverged`` is True.
    """
    learning_rate = float(learning_rate)
    if not np.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(
            f"The learning rate must be a positive number, got {learning_rate!r}."
        )
    iterations = int(iterations)
    if iterations < 0:
        raise ValueError("The number of iterations must be 0 or more.")
    l2 = float(l2)
    if not np.isfinite(l2) or l2 < 0:
        raise ValueError(f"The regularization λ must be 0 or more, got {l2!r}.")
    X, labels = _prepare(X, labels, num_classes, dtype)
    if test is not None:
        X_test, labels_test = _prepare(*test, num_classes, dtype)
        if X_test.shape[0] != X.shape[0]:
            raise ValueError("The test set must have the same features as X.")
    params = init_params(
        X.shape[0],
        num_classes,
        hidden_units=hidden_units,
        activation=activation,
        seed=seed,
        dtype=dtype,
    )
    batch = _Batch(
        X,
        labels,
        num_classes,
        hidden_units=hidden_units,
        activation=activation,
        l2=l2,
        dtype=dtype,
        scale=learning_rate,  # its gradients come out as α dθ
    )
    if test is not None:
        test_batch = _Batch(
            X_test,
            labels_test,
            num_classes,
            hidden_units=hidden_units,
            activation=activation,
            dtype=dtype,
            gradients=False,
        )
    # Two flat parameter vectors, θ and the one before it: a step writes the new
    # θ into the older one, so the last θ whose J was finite is always at hand.
    theta, spare = batch.pack(params), np.empty(batch.size, batch.dtype)
    last_good = theta
    every = int(snapshot_every) if snapshot_every else max(iterations, 1)
    costs, accuracies, snapshots = [], [], {}
    test_costs, test_accuracies = [], []
    m = batch.m
    diverged = False
    limit = np.inf
    # One errstate for the whole run (entering one costs about a microsecond,
    # as much as a numpy call): overflow to inf and NaN are what the loop
    # checks for, not errors.
    with np.errstate(over="ignore", invalid="ignore"):
        for it in range(iterations + 1):
            J, correct, alpha_grad = batch.cost_and_gradients(theta)
            if it == 0:
                if not math.isfinite(J):
                    # No step was taken: there is no last finite state to return.
                    raise ValueError(
                        "The cost J is not finite at the start: the feature values"
                        " are too large. Standardize them (mean 0, standard"
                        " deviation 1)."
                    )
                limit = DIVERGENCE_FACTOR * max(J, 1.0)
            if not math.isfinite(J) or J > limit:
                diverged = True
                break
            last_good = theta
            costs.append(J)
            accuracies.append(correct / m)
            if test is not None:
                test_J, test_correct = test_batch.cost_and_correct(theta)
                test_costs.append(test_J)
                test_accuracies.append(test_correct / test_batch.m)
            if it % every == 0 or it == iterations:
                snapshots[it] = batch.unpack(theta)
            if it == iterations:
                break
            # θ ← θ − α dθ into the spare vector, which held the θ before this one.
            np.subtract(theta, alpha_grad, out=spare)
            if not np.isfinite(spare).all():
                diverged = True
                break
            theta, spare = spare, theta
            if progress is not None:
                progress(it + 1)
    last = len(costs) - 1
    params = snapshots[last] if last in snapshots else batch.unpack(last_good)
    if diverged:
        snapshots[last] = params
    return TrainingHistory(
        costs=np.array(costs),
        accuracies=np.array(accuracies),
        snapshots=snapshots,
        params=params,
        diverged=diverged,
        test_costs=np.array(test_costs),
        test_accuracies=np.array(test_accuracies),
    )
