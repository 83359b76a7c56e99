"""Every string the app shows, looked up in one catalog per language.

``tr("explorer.title")`` returns the string in the language chosen in the
sidebar (``?lang=zh-TW`` or ``?lang=en`` in the URL). Catalogs live in
``softmax_ui/locales``; a test checks that both hold the same keys and the same
``{placeholders}``.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from .locales import en, zh_tw

CATALOGS: dict[str, dict[str, str]] = {"en": en.STRINGS, "zh-TW": zh_tw.STRINGS}
LANGUAGES = tuple(CATALOGS)
LANGUAGE_NAMES = {"en": "English", "zh-TW": "繁體中文"}
LANG_KEY = "lang"


def language() -> str:
    """The current language code, English unless another valid one is chosen."""
    lang = st.session_state.get(LANG_KEY, "en")
    return lang if lang in CATALOGS else "en"


def tr(key: str, **values: object) -> str:
    """The string ``key`` in the current language, with ``{placeholders}`` filled."""
    text = CATALOGS[language()].get(key) or CATALOGS["en"][key]
    return text.format(**values) if values else text


def class_names(count: int) -> list[str]:
    """The lecture's class names (other, cat, dog, baby chick), then "class 4", …"""
    names = [tr(f"class.{k}") for k in range(min(count, 4))]
    return names + [tr("class.n", k=k) for k in range(4, count)]


def option_labels(prefix: str) -> Callable[[object], str]:
    """A ``format_func`` for options: ``value → tr(f"{prefix}{value}")``.

    The language is the one of the run that made it, and stays so: a widget's
    format_func may be called again after the run (Streamlit's AppTest reads
    a radio's value back through it), where no session state says which
    language was shown.
    """
    catalog, english = CATALOGS[language()], CATALOGS["en"]
    return lambda value: catalog.get(f"{prefix}{value}") or english[f"{prefix}{value}"]
