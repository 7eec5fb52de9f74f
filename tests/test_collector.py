"""The cycle collector is paused inside the block and left as it was found."""

from __future__ import annotations

import gc
import weakref

import pytest

from cardgen import collector


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_restores_the_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(RuntimeError), collector.paused():
            assert not gc.isenabled()
            raise RuntimeError("a failing stage")
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_what_the_block_keeps_is_moved_to_the_oldest_generation_and_still_collected() -> None:
    """Left in the youngest generation, everything made in the block would be walked by the
    first young collection after it; moved to the oldest, cycles among it are still collected."""

    class Node:
        link: object = None

    with collector.paused():
        kept = Node()
        kept.link = kept
        lost = Node()
        lost.link = lost
        gone = weakref.ref(lost)
        del lost
    assert gc.get_freeze_count() == 0
    assert any(o is kept for o in gc.get_objects(generation=2))
    gc.collect()
    assert gone() is None
