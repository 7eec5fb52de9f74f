"""nh3, the last gate of every field: what HTML may stand in a card.

Every field of every note passes ``sanitise`` at the end of the cards stage, whatever it was made
of; with ``allow_html`` the renderer sanitises raw HTML from the notes this way too.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import nh3

# Tags and attributes raw HTML may keep when the user allows it (nh3 removes scripts and handlers).
ALLOWED_ATTRIBUTES = {
    "*": {"class", "style", "title"},
    "img": {"src", "alt", "width", "height"},
    "a": {"href"},
    "ol": {"start"},  # a list printed in pieces keeps its numbering
}


# One cleaner, configured once (nh3.clean builds its configuration again at every call).
_CLEANER = nh3.Cleaner(attributes=ALLOWED_ATTRIBUTES, link_rel=None)


def sanitise(fragment: str) -> str:
    return str(_CLEANER.clean(fragment))


# Below this many fragments a second thread costs more than it saves.
_THREADED_FROM = 256


def sanitise_all(fragments: Sequence[str]) -> list[str]:
    """``sanitise`` of each fragment, in order; a large batch in two threads.

    nh3 releases the GIL while it cleans, so two halves cleaned side by side take about half the
    time on two cores (every field of a deck passes nh3 at the end of the cards stage: 0.15 s of
    one core at 1,000 long answers; see docs/benchmarks.md)."""
    if len(fragments) < _THREADED_FROM:
        return [sanitise(fragment) for fragment in fragments]
    half = len(fragments) // 2
    with ThreadPoolExecutor(max_workers=1) as pool:
        second = pool.submit(lambda: [sanitise(fragment) for fragment in fragments[half:]])
        first = [sanitise(fragment) for fragment in fragments[:half]]
        return first + second.result()
