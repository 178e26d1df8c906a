"""Public sources -> corpus documents: converters that turn a published data set into
Markdown files the corpus loader reads like any user's document.

Each converter is a module run as ``python -m corpus.sources.<name> --help``. It reads the
source as published, writes front matter that names the source, its licence and the
converter, and checks its own output through the corpus loader. The output is a pure
function of the input: running a converter twice gives the same bytes, so the converted
files can be committed and rebuilt. The converters use only the standard library and the
corpus loader; nothing here is imported by the bot at run time.
"""
