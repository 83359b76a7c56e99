"""Text a user typed, a file held or a link carried, shown as typed.

Streamlit reads labels, captions, messages and table cells as Markdown (with
``$…$`` as KaTeX and ``:red[…]`` as colour), and plotly reads ``<b>``,
``<a href>`` in its labels as markup. :func:`as_typed` turns such text into a
string both show as typed: every ASCII punctuation character becomes a numeric
character reference (``*`` → ``&#42;``), which Markdown and plotly decode into
the character itself and never read as markup; line breaks and invisible
control or direction characters become visible escapes (``\\n``, ``\\u202e``),
and a long text is cut short with an ellipsis. Markdown also turns bare
addresses (``http://…``, ``www.…``, ``a@b.c``) and shortcodes (``:smile:``,
``:material/home:``) into links and icons after it has decoded the references,
so an invisible word joiner follows each ``:`` and ``@`` and splits ``www.``:
the text reads the same and is never a link or an icon. Sinks that take plain
text (a custom component setting ``textContent``) get :func:`plain` of it back.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata

#: Characters kept of a class or feature name, a link's key or value.
NAME_CHARS = 60
ELLIPSIS = "…"

WORD_JOINER = "\u2060"
_REFERENCES = str.maketrans(
    {
        c: f"&#{ord(c)};" + (WORD_JOINER if c in ":@" else "")
        for c in string.punctuation
    }
)
_WWW = re.compile(r"(www)(?=\.)", re.IGNORECASE)
# Unicode categories of characters that do not show themselves: controls (NUL,
# newline), formats (right-to-left marks, zero-width joiners), separators of
# lines and paragraphs, unassigned and private-use code points.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def shorten(text: str, limit: int = NAME_CHARS) -> str:
    """``text`` cut to ``limit`` characters, the last an ellipsis if it was longer.

    Examples
    --------
    >>> shorten("abcdef", 4), shorten("abc", 4)
    ('abc…', 'abc')
    """
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def visible(text: str) -> str:
    r"""``text`` with every invisible character written as its escape.

    Examples
    --------
    >>> visible("a\nb\u202ec\x00")
    'a\\nb\\u202ec\\x00'
    """
    if all(unicodedata.category(c) not in _INVISIBLE for c in text):
        return text
    return "".join(
        c
        if unicodedata.category(c) not in _INVISIBLE
        else repr(c)[1:-1] if c in "\n\r\t" or ord(c) < 0x100
        else f"\\u{ord(c):04x}" if ord(c) < 0x10000
        else f"\\U{ord(c):08x}"
        for c in text
    )


def as_typed(text: object, limit: int | None = NAME_CHARS) -> str:
    """``text`` for Markdown or a plotly label, shown as typed, at most ``limit`` long.

    Examples
    --------
    >>> as_typed("**b** <i>")
    '&#42;&#42;b&#42;&#42; &#60;i&#62;'
    >>> plain(as_typed("see www.e.io or a@b.c"))
    'see www.e.io or a@b.c'
    >>> as_typed("x" * 70, limit=5)
    'xxxx…'
    """
    shown = visible(str(text))
    if limit is not None:
        shown = shorten(shown, limit)
    return _WWW.sub("\\1" + WORD_JOINER, shown).translate(_REFERENCES)


def plain(shown: str) -> str:
    """The text of an :func:`as_typed` string, for sinks that show text as text.

    Examples
    --------
    >>> plain(as_typed("<b>&"))
    '<b>&'
    """
    return html.unescape(shown).replace(WORD_JOINER, "")
