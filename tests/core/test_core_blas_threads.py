"""Importing the core before numpy keeps BLAS on one thread (see softmax_core)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The OpenBLAS that numpy's wheels bundle, and how many threads it runs.
PROBE = """
import ctypes, glob, os, sys
{imports}
import numpy
found = glob.glob(os.path.join(os.path.dirname(numpy.__file__) + ".libs", "*openblas*"))
if not found:
    sys.exit(3)
blas = ctypes.CDLL(found[0])
print(blas.scipy_openblas_get_num_threads64_())
"""


def blas_threads(imports: str, **env: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(imports=imports)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
    )
    if done.returncode == 3:
        pytest.skip("numpy here does not bundle OpenBLAS")
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def imports_of(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return "\n".join(
        ast.unparse(node)
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
    )


# app.py, or a page on its own (a deep link to a fresh server runs the page first).
@pytest.mark.parametrize(
    "script", ["app.py", *sorted(p.name for p in (ROOT / "pages").glob("*.py"))]
)
def test_the_app_and_every_page_import_numpy_with_one_blas_thread(script):
    path = ROOT / script if script == "app.py" else ROOT / "pages" / script
    assert blas_threads(imports_of(path)) == 1


def test_a_users_own_setting_wins():
    assert blas_threads("import softmax_core", OPENBLAS_NUM_THREADS="2") == 2
