"""The note types' styling revision, kept apart so that checking whether a build is up to date
does not import genanki."""

# Bump (to the current Unix time) whenever a template or ANKI_CSS changes: Anki applies a note
# type's new templates and CSS only when its modification time is newer (docs/anki.md).
MODEL_REVISION = 1_795_967_595
