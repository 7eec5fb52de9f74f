"""Importing a library without the parts of it cardgen never exercises.

Some libraries import, at start-up, modules they use only on paths cardgen never takes (genanki:
asyncio through ``cached_property``, PyYAML; WeasyPrint: fontTools' subsetter and its variable
font instancer). While such a library is imported, a stand-in takes each of those modules' place
in ``sys.modules``; it imports the real module the first time it is used, so nothing changes if
the path is taken after all. The stand-ins leave ``sys.modules`` afterwards: any later import gets
the real module.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any


def deferred(name: str, functions: tuple[str, ...] = ()) -> types.ModuleType:
    """A stand-in for module ``name`` that imports the real one when an attribute is first read,
    or when one of ``functions`` (for ``from name import function``) is first called."""
    stand_in = types.ModuleType(name)

    def real_attribute(attribute: str) -> Any:
        if sys.modules.get(name) is stand_in:  # read while still standing in: never recurse
            raise AttributeError(attribute)
        return getattr(importlib.import_module(name), attribute)

    def calling_the_real(function: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(name), function)(*args, **kwargs)

        return call

    stand_in.__getattr__ = real_attribute  # type: ignore[method-assign]
    for function in functions:
        setattr(stand_in, function, calling_the_real(function))
    return stand_in


@contextmanager
def standing_in(stand_ins: Mapping[str, types.ModuleType]) -> Iterator[None]:
    """Inside the block, ``stand_ins`` answer imports of their names (those not imported yet)."""
    placed = {name: module for name, module in stand_ins.items() if name not in sys.modules}
    sys.modules.update(placed)
    try:
        yield
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
