r"""softmax_core: the numpy core of the softmax explorer.

Every formula of the lecture "Training a softmax classifier" lives here once,
in the lecture's notation and column convention: X is n×m; Z, Ŷ and Y are
C×m with one example per column; a 1-D z is one example.

This package imports numpy only (pandas is imported by ``read_csv`` when a
file is read), so it can be tested and reused without a browser.

Importing it before numpy keeps BLAS (OpenBLAS, MKL) on one thread unless
``OPENBLAS_NUM_THREADS`` or ``MKL_NUM_THREADS`` says otherwise: the core's
matrix products are small (at most C × 16384 per chunk), and in a server where
many sessions train at once, BLAS threads fight each other for the cores.
Measured on 2 busy cores, one step of a 64-unit hidden layer on 3000 examples
took 264 ms with two BLAS threads and 10 ms with one.
"""

from . import _blas  # noqa: F401  (first: before any module imports numpy)
from .activations import (
    EXP_OVERFLOW,
    SoftmaxSteps,
    hardmax,
    log_softmax,
    naive_softmax_steps,
    shifted_softmax_steps,
    sigmoid,
    softmax,
    softmax_steps,
)
from .calculus import (
    DzCheck,
    check_output_gradient,
    gradient_step_on_z,
    logits_from_probabilities,
    numerical_gradient,
    step_on_z_frames,
)
from .datasets import (
    MAX_CLASSES,
    make_blobs,
    make_spirals,
    standardize,
    train_test_split,
)
from .descent import (
    DescentStep,
    Gradients,
    divergence_iteration,
    gradient_step,
    gradients,
    nudge,
)
from .export import (
    NUMPY_SNIPPET,
    numpy_snippet,
    parameters_from_json,
    parameters_from_npz,
    parameters_to_json,
    parameters_to_npz,
)
from .losses import (
    cost,
    loss,
    loss_from_logits,
    loss_terms,
    one_hot,
    output_gradient,
    true_class_loss_curve,
)
from .metrics import confusion_matrix
from .network import (
    ACTIVATIONS,
    Parameters,
    accuracy,
    cost_and_accuracy,
    cost_and_gradients,
    init_params,
    logits,
    predict,
    predict_proba,
    reference_cost_and_gradients,
)
from .per_example import example_losses, worst_first
from .regions import Regions, class_regions, plane_grid
from .training import TrainingHistory, train
from .two_class import TwoClassOutputs, difference_grid, two_class_outputs
from .uploads import LabelledData, read_csv

__all__ = [
    "EXP_OVERFLOW",
    "naive_softmax_steps",
    "NUMPY_SNIPPET",
    "numpy_snippet",
    "confusion_matrix",
    "cost_and_accuracy",
    "parameters_from_json",
    "parameters_from_npz",
    "parameters_to_json",
    "parameters_to_npz",
    "train_test_split",
    "ACTIVATIONS",
    "MAX_CLASSES",
    "DzCheck",
    "LabelledData",
    "Parameters",
    "SoftmaxSteps",
    "TrainingHistory",
    "TwoClassOutputs",
    "accuracy",
    "check_output_gradient",
    "cost",
    "cost_and_gradients",
    "difference_grid",
    "gradient_step_on_z",
    "hardmax",
    "init_params",
    "log_softmax",
    "logits",
    "loss",
    "loss_from_logits",
    "loss_terms",
    "logits_from_probabilities",
    "make_blobs",
    "make_spirals",
    "numerical_gradient",
    "one_hot",
    "output_gradient",
    "predict",
    "predict_proba",
    "read_csv",
    "reference_cost_and_gradients",
    "sigmoid",
    "softmax",
    "softmax_steps",
    "standardize",
    "train",
    "true_class_loss_curve",
    "Regions",
    "class_regions",
    "plane_grid",
    "two_class_outputs",
    "DescentStep",
    "Gradients",
    "divergence_iteration",
    "example_losses",
    "gradient_step",
    "gradients",
    "nudge",
    "worst_first",
    "shifted_softmax_steps",
    "step_on_z_frames",
]
