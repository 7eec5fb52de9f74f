"""The printed card's box model: the numbers the CSS (``markup.py``) sets and the height model
(``estimate.py``) plans with. Both read them from here, so they cannot drift apart."""

from __future__ import annotations

# Inside a card: room at the top for the meta line (breadcrumb, number), then the face; mm.
PAD_X, PAD_TOP, PAD_BOTTOM = 4.5, 7.5, 4.0
HEADER_PT = 7.0  # the question repeated small on the back
META_PT = 6.0
# Under the back's question header: padding, margin, border; mm.
HEADER_PAD_MM, HEADER_MARGIN_MM, HEADER_BORDER_MM = 0.8, 1.2, 0.2
IMAGE_MM = 32.0  # the tallest an image is printed
IMAGE_GAP = 0.3  # em, under an image

QUESTION_LINE = 1.3  # line-height of the question
ANSWER_LINE = 1.35  # line-height of the answer
BLOCK_GAP = 0.35  # em, margin under p, ul, pre, table, headings
ITEM_GAP = 0.15  # em, under each list-item piece
LIST_INDENT = 1.3  # em
HEADING_FONT = 1.05  # em, headings inside an answer
TABLE_FONT = 0.92  # em
CELL_PAD_Y, CELL_PAD_X = 0.1, 0.35  # em
CODE_FONT = 0.9  # em
PRE_PAD_Y, PRE_PAD_X = 0.3, 0.4  # em
