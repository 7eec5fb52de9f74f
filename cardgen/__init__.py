"""cardgen: Markdown study notes → Anki deck and print-ready PDF."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cardgen")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
