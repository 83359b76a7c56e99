"""The string catalogs: both languages hold the same keys and placeholders, and
every key the app's code asks ``tr`` for exists."""

import ast
import re
from itertools import product
from pathlib import Path

from softmax_ui.controls import DATASETS
from softmax_ui.locales.en import STRINGS as EN
from softmax_ui.locales.zh_tw import STRINGS as ZH

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        ROOT / "app.py",
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "softmax_ui").rglob("*.py"),
    ]
)
# A {name} placeholder; {{ }} is an escaped brace. LaTeX groups such as e^{z}
# match too, which is fine: a faithful translation keeps them.
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
# Values of the names used in f-string keys, e.g. tr(f"loss.source_{s}").
EXPANSIONS = {
    "name": ("explorer", "loss", "logistic", "training"),
    "s": ("lecture", "logits"),
    "d": DATASETS,
    "k": tuple(range(4)),
}
# Functions given a catalog key, and which of their positional arguments it is:
# a control's label is its declaration's second (softmax_ui/controls.py).
KEY_FUNCTIONS = {"tr": 0, "start_page": 0, "Control": 1}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def key_uses() -> list[tuple[str, str, frozenset[str] | None]]:
    """(file, key or f-string pattern, keyword names passed) for each use of a key.

    A pattern keeps f-string fields as ``{name}``; keywords are ``None`` where a
    key is only named (a ``*_key`` default), not formatted.
    """
    uses = []
    for path in SOURCES:
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEY_FUNCTIONS
                and len(node.args) > KEY_FUNCTIONS[node.func.id]
            ):
                keywords = frozenset(k.arg for k in node.keywords if k.arg)
                if node.func.id == "Control":
                    keywords = None  # a label is named here, formatted where drawn
                pattern = _literal_or_pattern(node.args[KEY_FUNCTIONS[node.func.id]])
                if pattern is not None:
                    uses.append((where, pattern, keywords))
            elif isinstance(node, ast.arguments):
                named = node.posonlyargs + node.args + node.kwonlyargs
                defaults = (
                    [None] * (len(node.posonlyargs + node.args) - len(node.defaults))
                    + node.defaults
                    + node.kw_defaults
                )
                for arg, default in zip(named, defaults, strict=True):
                    if (
                        arg.arg.endswith("_key")
                        and isinstance(default, ast.Constant)
                        and isinstance(default.value, str)
                    ):
                        uses.append((where, default.value, None))
    return uses


def _literal_or_pattern(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(str(part.value))
            elif isinstance(part, ast.FormattedValue) and isinstance(
                part.value, ast.Name
            ):
                parts.append("{" + part.value.id + "}")
            else:
                return None
        return "".join(parts)
    return None  # a variable, e.g. tr(label_key): its value is checked where set


def expand(pattern: str) -> list[str]:
    """Every key an f-string pattern stands for, where its names' values are known."""
    names = PLACEHOLDER.findall(pattern)
    if not names:
        return [pattern]
    if not all(n in EXPANSIONS for n in names):
        return []
    keys = []
    for combination in product(*(EXPANSIONS[n] for n in names)):
        keys.append(pattern.format(**dict(zip(names, combination, strict=True))))
    return keys


USES = key_uses()


def test_the_sources_name_catalog_keys_at_all():
    # Guards the scan itself: a broken regex or AST walk would find nothing.
    assert len(USES) > 50
    assert any(pattern == "explorer.title" for _, pattern, _ in USES)
    assert any(pattern == "widgets.C" for _, pattern, _ in USES)
    assert any("{" in pattern for _, pattern, _ in USES)


def test_english_and_chinese_catalogs_have_the_same_keys():
    assert sorted(set(EN) - set(ZH)) == []
    assert sorted(set(ZH) - set(EN)) == []


def test_every_key_has_the_same_placeholders_in_both_languages():
    different = {
        key: (sorted(placeholders(EN[key])), sorted(placeholders(ZH[key])))
        for key in sorted(set(EN) & set(ZH))
        if placeholders(EN[key]) != placeholders(ZH[key])
    }
    assert different == {}


def test_every_catalog_string_is_a_non_empty_string():
    for catalog in (EN, ZH):
        assert all(isinstance(v, str) and v.strip() for v in catalog.values())


def missing_keys(where: str, pattern: str) -> list[str]:
    keys = expand(pattern)
    if keys:
        return [f"{where}: {key}" for key in keys if key not in EN]
    # Unknown f-string names: at least one key must fit the pattern.
    literal_parts = PLACEHOLDER.split(pattern)[::2]
    regex = re.compile("[A-Za-z0-9_]+".join(re.escape(p) for p in literal_parts))
    if any(regex.fullmatch(key) for key in EN):
        return []
    return [f"{where}: {pattern} (no key fits)"]


def test_every_key_the_code_uses_is_in_the_catalog():
    missing = [m for where, pattern, _ in USES for m in missing_keys(where, pattern)]
    assert missing == []


def test_a_formatted_string_takes_exactly_the_values_the_code_passes():
    wrong = []
    for _, pattern, keywords in USES:
        if not keywords:
            continue
        for key in expand(pattern):
            for name, catalog in (("en", EN), ("zh-TW", ZH)):
                if placeholders(catalog[key]) != keywords:
                    wrong.append(f"{name} {key}: {sorted(keywords)} passed")
                    continue
                try:
                    catalog[key].format(**dict.fromkeys(keywords, "x"))
                except (KeyError, IndexError, ValueError) as err:
                    wrong.append(f"{name} {key}: {err!r}")
    assert wrong == []


def test_an_update_rule_is_one_group_that_katex_keeps_on_one_line():
    # KaTeX may break a line after a − or ← outside braces: projected, step
    # 6's "z ← z − α(ŷ − y)" once broke inside its parentheses.
    rules = {
        (lang, key): formula
        for lang, catalog in (("en", EN), ("zh-TW", ZH))
        for key, text in catalog.items()
        for formula in re.findall(r"\$([^$]+)\$", text)
        if r"\leftarrow" in formula
    }
    assert {key for _, key in rules} == {
        "loss.descent_intro", "lecture.likelihood_caption"
    }
    assert [
        where for where, formula in rules.items()
        if not (formula.startswith("{") and formula.endswith("}"))
    ] == []
