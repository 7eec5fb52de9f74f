"""Card styling shared by the Anki note types (and the HTML the PDF is made from).

Fonts: CJK-first stacks with a named CJK member in every stack, code included, so
Chinese never falls back to a Japanese face or to tofu (docs/printing.md).
"""

from cardgen.notes.code_styles import CODE_LIGHT, CODE_NIGHT, scoped

SANS_STACK = (
    '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif'
)
MONO_STACK = (
    '"SF Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", '
    '"Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", monospace'
)

CODE_LIGHT_CSS = scoped(CODE_LIGHT, ".card pre")
CODE_NIGHT_CSS = scoped(CODE_NIGHT, ".nightMode pre") + scoped(CODE_NIGHT, ".night_mode pre")

ANKI_CSS = f"""\
.card {{
  font-family: {SANS_STACK};
  font-size: 18px;
  line-height: 1.55;
  text-align: left;
  color: #1d1d1f;
  background-color: #ffffff;
  max-width: 46em;
  margin: 0 auto;
  padding: 0 0.5em;
}}
.cg-meta {{ font-size: 0.72em; color: #6e6e73; margin-bottom: 0.4em; }}
.cg-num {{ font-weight: 600; margin-right: 0.6em; }}
.cg-question {{ font-size: 1.25em; font-weight: 600; text-align: center; margin: 0.6em 0; }}
.cg-answer h1, .cg-answer h2, .cg-answer h3, .cg-answer h4, .cg-answer h5, .cg-answer h6 {{
  font-size: 1.05em; margin: 0.9em 0 0.3em;
}}
.cg-answer ul, .cg-answer ol {{ padding-left: 1.4em; margin: 0.3em 0; }}
.cg-answer li {{ margin: 0.15em 0; }}
.cg-answer table {{ border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }}
.cg-answer th, .cg-answer td {{ border: 1px solid #c7c7cc; padding: 0.25em 0.5em; vertical-align: top; }}
.cg-answer th {{ background: #f2f2f7; }}
code, pre {{ font-family: {MONO_STACK}; font-size: 0.88em; }}
code {{ background: #f2f2f7; border-radius: 3px; padding: 0 0.2em; }}
pre {{ background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: 0.6em; overflow-x: auto; }}
pre code {{ background: none; padding: 0; }}
.cg-prompt {{ font-size: 0.8em; font-weight: normal; text-align: left; margin-top: 0.6em; }}
.cg-lead {{ font-size: 0.75em; color: #6e6e73; text-align: center; margin-bottom: 0.2em; }}
.cg-value {{ font-size: 1.15em; font-weight: 600; text-align: center; margin: 0.3em 0 0.6em; }}
.cg-answer .cg-hl {{ background: #fff1b8; font-weight: 600; outline: 2px solid #f5c400; }}
.cloze {{ font-weight: 600; color: #0a58ca; }}
.cg-source {{ margin-top: 1.2em; font-size: 0.65em; color: #8e8e93; text-align: right; }}
.cg-extra {{ margin-top: 0.8em; font-size: 0.9em; color: #3a3a3c; }}
.nightMode.card, .night_mode .card, .nightMode .card {{ color: #e5e5ea; background-color: #1c1c1e; }}
.nightMode .cg-meta, .night_mode .cg-meta {{ color: #98989d; }}
.cg-math {{ font-family: {MONO_STACK}; }}
.cg-callout {{ border-left: 4px solid #0a84ff; background: #f2f7ff; border-radius: 4px; padding: 0.3em 0.7em; margin: 0.6em 0; }}
.cg-callout-title {{ font-weight: 600; margin: 0.2em 0; }}
.cg-callout-tip, .cg-callout-success, .cg-callout-hint {{ border-color: #30a46c; background: #f0faf4; }}
.cg-callout-warning, .cg-callout-caution, .cg-callout-important, .cg-callout-attention {{ border-color: #f5a300; background: #fff8e6; }}
.cg-callout-danger, .cg-callout-error, .cg-callout-failure, .cg-callout-bug {{ border-color: #e5484d; background: #fff0f0; }}
.nightMode .cg-callout, .night_mode .cg-callout {{ background: #2c2c2e; }}
.cg-where {{ font-size: 0.7em; font-weight: normal; color: #6e6e73; }}
{CODE_LIGHT_CSS}
{CODE_NIGHT_CSS}
.nightMode code, .night_mode code {{ background: #2c2c2e; }}
.nightMode pre, .night_mode pre {{ background: #2c2c2e; border-color: #3a3a3c; }}
.nightMode .cg-answer th, .night_mode .cg-answer th {{ background: #2c2c2e; }}
.nightMode .cg-answer .cg-hl, .night_mode .cg-answer .cg-hl {{ background: #5c4a00; color: #fff; outline-color: #c9a200; }}
.nightMode .cloze, .night_mode .cloze {{ color: #7fb0ff; }}
.nightMode .cg-answer th, .nightMode .cg-answer td,
.night_mode .cg-answer th, .night_mode .cg-answer td {{ border-color: #48484a; }}
"""
