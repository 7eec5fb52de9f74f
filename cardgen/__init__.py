"""cardgen: Markdown study notes → Anki deck and print-ready PDF."""

__version__ = "0.1.0"
