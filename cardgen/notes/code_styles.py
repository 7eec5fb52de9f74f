"""Pygments colours for highlighted code, generated once and kept as text so the note types'
styling (and its fingerprint) does not change when Pygments is upgraded.

Regenerate with ``cardgen.notes.markdown.code_css("PRE")`` and ``code_css("PRE", "monokai")``, then bump
``MODEL_REVISION`` in ``cardgen/anki/revision.py``.
"""

CODE_LIGHT = """\
PRE .pyg-c { color: #60A0B0; font-style: italic } /* Comment */
PRE .pyg-err { border: 1px solid #F00 } /* Error */
PRE .pyg-k { color: #007020; font-weight: bold } /* Keyword */
PRE .pyg-o { color: #666 } /* Operator */
PRE .pyg-ch { color: #60A0B0; font-style: italic } /* Comment.Hashbang */
PRE .pyg-cm { color: #60A0B0; font-style: italic } /* Comment.Multiline */
PRE .pyg-cp { color: #007020 } /* Comment.Preproc */
PRE .pyg-cpf { color: #60A0B0; font-style: italic } /* Comment.PreprocFile */
PRE .pyg-c1 { color: #60A0B0; font-style: italic } /* Comment.Single */
PRE .pyg-cs { color: #60A0B0; background-color: #FFF0F0 } /* Comment.Special */
PRE .pyg-gd { color: #A00000 } /* Generic.Deleted */
PRE .pyg-ge { font-style: italic } /* Generic.Emph */
PRE .pyg-ges { font-weight: bold; font-style: italic } /* Generic.EmphStrong */
PRE .pyg-gr { color: #F00 } /* Generic.Error */
PRE .pyg-gh { color: #000080; font-weight: bold } /* Generic.Heading */
PRE .pyg-gi { color: #00A000 } /* Generic.Inserted */
PRE .pyg-go { color: #888 } /* Generic.Output */
PRE .pyg-gp { color: #C65D09; font-weight: bold } /* Generic.Prompt */
PRE .pyg-gs { font-weight: bold } /* Generic.Strong */
PRE .pyg-gu { color: #800080; font-weight: bold } /* Generic.Subheading */
PRE .pyg-gt { color: #04D } /* Generic.Traceback */
PRE .pyg-kc { color: #007020; font-weight: bold } /* Keyword.Constant */
PRE .pyg-kd { color: #007020; font-weight: bold } /* Keyword.Declaration */
PRE .pyg-kn { color: #007020; font-weight: bold } /* Keyword.Namespace */
PRE .pyg-kp { color: #007020 } /* Keyword.Pseudo */
PRE .pyg-kr { color: #007020; font-weight: bold } /* Keyword.Reserved */
PRE .pyg-kt { color: #902000 } /* Keyword.Type */
PRE .pyg-m { color: #40A070 } /* Literal.Number */
PRE .pyg-s { color: #4070A0 } /* Literal.String */
PRE .pyg-na { color: #4070A0 } /* Name.Attribute */
PRE .pyg-nb { color: #007020 } /* Name.Builtin */
PRE .pyg-nc { color: #0E84B5; font-weight: bold } /* Name.Class */
PRE .pyg-no { color: #60ADD5 } /* Name.Constant */
PRE .pyg-nd { color: #555; font-weight: bold } /* Name.Decorator */
PRE .pyg-ni { color: #D55537; font-weight: bold } /* Name.Entity */
PRE .pyg-ne { color: #007020 } /* Name.Exception */
PRE .pyg-nf { color: #06287E } /* Name.Function */
PRE .pyg-nl { color: #002070; font-weight: bold } /* Name.Label */
PRE .pyg-nn { color: #0E84B5; font-weight: bold } /* Name.Namespace */
PRE .pyg-nt { color: #062873; font-weight: bold } /* Name.Tag */
PRE .pyg-nv { color: #BB60D5 } /* Name.Variable */
PRE .pyg-ow { color: #007020; font-weight: bold } /* Operator.Word */
PRE .pyg-w { color: #BBB } /* Text.Whitespace */
PRE .pyg-mb { color: #40A070 } /* Literal.Number.Bin */
PRE .pyg-mf { color: #40A070 } /* Literal.Number.Float */
PRE .pyg-mh { color: #40A070 } /* Literal.Number.Hex */
PRE .pyg-mi { color: #40A070 } /* Literal.Number.Integer */
PRE .pyg-mo { color: #40A070 } /* Literal.Number.Oct */
PRE .pyg-sa { color: #4070A0 } /* Literal.String.Affix */
PRE .pyg-sb { color: #4070A0 } /* Literal.String.Backtick */
PRE .pyg-sc { color: #4070A0 } /* Literal.String.Char */
PRE .pyg-dl { color: #4070A0 } /* Literal.String.Delimiter */
PRE .pyg-sd { color: #4070A0; font-style: italic } /* Literal.String.Doc */
PRE .pyg-s2 { color: #4070A0 } /* Literal.String.Double */
PRE .pyg-se { color: #4070A0; font-weight: bold } /* Literal.String.Escape */
PRE .pyg-sh { color: #4070A0 } /* Literal.String.Heredoc */
PRE .pyg-si { color: #70A0D0; font-style: italic } /* Literal.String.Interpol */
PRE .pyg-sx { color: #C65D09 } /* Literal.String.Other */
PRE .pyg-sr { color: #235388 } /* Literal.String.Regex */
PRE .pyg-s1 { color: #4070A0 } /* Literal.String.Single */
PRE .pyg-ss { color: #517918 } /* Literal.String.Symbol */
PRE .pyg-bp { color: #007020 } /* Name.Builtin.Pseudo */
PRE .pyg-fm { color: #06287E } /* Name.Function.Magic */
PRE .pyg-vc { color: #BB60D5 } /* Name.Variable.Class */
PRE .pyg-vg { color: #BB60D5 } /* Name.Variable.Global */
PRE .pyg-vi { color: #BB60D5 } /* Name.Variable.Instance */
PRE .pyg-vm { color: #BB60D5 } /* Name.Variable.Magic */
PRE .pyg-il { color: #40A070 } /* Literal.Number.Integer.Long */
"""

# In both, PRE stands for the selector the caller scopes the rules to (see ``scoped``).
CODE_NIGHT = """\
PRE .pyg-c { color: #959077 } /* Comment */
PRE .pyg-err { color: #ED007E; background-color: #1E0010 } /* Error */
PRE .pyg-esc { color: #F8F8F2 } /* Escape */
PRE .pyg-g { color: #F8F8F2 } /* Generic */
PRE .pyg-k { color: #66D9EF } /* Keyword */
PRE .pyg-l { color: #AE81FF } /* Literal */
PRE .pyg-n { color: #F8F8F2 } /* Name */
PRE .pyg-o { color: #FF4689 } /* Operator */
PRE .pyg-x { color: #F8F8F2 } /* Other */
PRE .pyg-p { color: #F8F8F2 } /* Punctuation */
PRE .pyg-ch { color: #959077 } /* Comment.Hashbang */
PRE .pyg-cm { color: #959077 } /* Comment.Multiline */
PRE .pyg-cp { color: #959077 } /* Comment.Preproc */
PRE .pyg-cpf { color: #959077 } /* Comment.PreprocFile */
PRE .pyg-c1 { color: #959077 } /* Comment.Single */
PRE .pyg-cs { color: #959077 } /* Comment.Special */
PRE .pyg-gd { color: #FF4689 } /* Generic.Deleted */
PRE .pyg-ge { color: #F8F8F2; font-style: italic } /* Generic.Emph */
PRE .pyg-ges { color: #F8F8F2; font-weight: bold; font-style: italic } /* Generic.EmphStrong */
PRE .pyg-gr { color: #FF4689 } /* Generic.Error */
PRE .pyg-gh { color: #F8F8F2 } /* Generic.Heading */
PRE .pyg-gi { color: #A6E22E } /* Generic.Inserted */
PRE .pyg-go { color: #66D9EF } /* Generic.Output */
PRE .pyg-gp { color: #FF4689; font-weight: bold } /* Generic.Prompt */
PRE .pyg-gs { color: #F8F8F2; font-weight: bold } /* Generic.Strong */
PRE .pyg-gu { color: #959077 } /* Generic.Subheading */
PRE .pyg-gt { color: #66D9EF } /* Generic.Traceback */
PRE .pyg-kc { color: #66D9EF } /* Keyword.Constant */
PRE .pyg-kd { color: #66D9EF } /* Keyword.Declaration */
PRE .pyg-kn { color: #FF4689 } /* Keyword.Namespace */
PRE .pyg-kp { color: #66D9EF } /* Keyword.Pseudo */
PRE .pyg-kr { color: #66D9EF } /* Keyword.Reserved */
PRE .pyg-kt { color: #66D9EF } /* Keyword.Type */
PRE .pyg-ld { color: #E6DB74 } /* Literal.Date */
PRE .pyg-m { color: #AE81FF } /* Literal.Number */
PRE .pyg-s { color: #E6DB74 } /* Literal.String */
PRE .pyg-na { color: #A6E22E } /* Name.Attribute */
PRE .pyg-nb { color: #A6E22E } /* Name.Builtin */
PRE .pyg-nc { color: #A6E22E } /* Name.Class */
PRE .pyg-no { color: #66D9EF } /* Name.Constant */
PRE .pyg-nd { color: #A6E22E } /* Name.Decorator */
PRE .pyg-ni { color: #F8F8F2 } /* Name.Entity */
PRE .pyg-ne { color: #A6E22E } /* Name.Exception */
PRE .pyg-nf { color: #A6E22E } /* Name.Function */
PRE .pyg-nl { color: #F8F8F2 } /* Name.Label */
PRE .pyg-nn { color: #F8F8F2 } /* Name.Namespace */
PRE .pyg-nx { color: #A6E22E } /* Name.Other */
PRE .pyg-py { color: #F8F8F2 } /* Name.Property */
PRE .pyg-nt { color: #FF4689 } /* Name.Tag */
PRE .pyg-nv { color: #F8F8F2 } /* Name.Variable */
PRE .pyg-ow { color: #FF4689 } /* Operator.Word */
PRE .pyg-pm { color: #F8F8F2 } /* Punctuation.Marker */
PRE .pyg-w { color: #F8F8F2 } /* Text.Whitespace */
PRE .pyg-mb { color: #AE81FF } /* Literal.Number.Bin */
PRE .pyg-mf { color: #AE81FF } /* Literal.Number.Float */
PRE .pyg-mh { color: #AE81FF } /* Literal.Number.Hex */
PRE .pyg-mi { color: #AE81FF } /* Literal.Number.Integer */
PRE .pyg-mo { color: #AE81FF } /* Literal.Number.Oct */
PRE .pyg-sa { color: #E6DB74 } /* Literal.String.Affix */
PRE .pyg-sb { color: #E6DB74 } /* Literal.String.Backtick */
PRE .pyg-sc { color: #E6DB74 } /* Literal.String.Char */
PRE .pyg-dl { color: #E6DB74 } /* Literal.String.Delimiter */
PRE .pyg-sd { color: #E6DB74 } /* Literal.String.Doc */
PRE .pyg-s2 { color: #E6DB74 } /* Literal.String.Double */
PRE .pyg-se { color: #AE81FF } /* Literal.String.Escape */
PRE .pyg-sh { color: #E6DB74 } /* Literal.String.Heredoc */
PRE .pyg-si { color: #E6DB74 } /* Literal.String.Interpol */
PRE .pyg-sx { color: #E6DB74 } /* Literal.String.Other */
PRE .pyg-sr { color: #E6DB74 } /* Literal.String.Regex */
PRE .pyg-s1 { color: #E6DB74 } /* Literal.String.Single */
PRE .pyg-ss { color: #E6DB74 } /* Literal.String.Symbol */
PRE .pyg-bp { color: #A6E22E } /* Name.Builtin.Pseudo */
PRE .pyg-fm { color: #A6E22E } /* Name.Function.Magic */
PRE .pyg-vc { color: #F8F8F2 } /* Name.Variable.Class */
PRE .pyg-vg { color: #F8F8F2 } /* Name.Variable.Global */
PRE .pyg-vi { color: #F8F8F2 } /* Name.Variable.Instance */
PRE .pyg-vm { color: #F8F8F2 } /* Name.Variable.Magic */
PRE .pyg-il { color: #AE81FF } /* Literal.Number.Integer.Long */
"""


def scoped(css: str, scope: str) -> str:
    return css.replace("PRE ", f"{scope} ")
