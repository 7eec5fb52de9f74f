"""The cycle collector is paused inside the block and left as it was found."""

from __future__ import annotations

import gc

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
