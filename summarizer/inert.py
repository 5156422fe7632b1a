"""Article text is data, also for the terminal: escape sequences and other control characters in an
article (or a file name, or a server's error message) are shown as visible escapes, never sent raw.

Rich markup is already inert (render passes text as ``Text`` objects, never as markup); ANSI escapes are not:
rich passes ESC through, so ``\\x1b[2J`` in an article would clear the user's screen, and bidi overrides
could make a figure read differently from what it is.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert_text(text: str) -> str:
    return _UNSAFE.sub(_visible, text)
