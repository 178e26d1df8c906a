"""A monograph per channel: the ``CHANNEL_CORPORA`` file, read once, and every corpus built at start-up.

The file is TOML, read with the standard library (``tomllib``)::

    # channels.toml
    [channels]
    C0123ABCD = "corpus/labels/enbrel.md"      # a file
    G0456EFGH = "corpus/monographs"             # or a folder

Keys are channel ids (Slack's channel details show them, starting C or G); values are a
corpus file or folder, relative to the file's own folder. A channel not listed, and
every DM, answers from the default corpus (``--corpus``). A mistake a person can fix
(bad TOML, an unknown key or table, a channel that is not an id, a corpus that is
missing or unusable) is a ``ConfigError`` naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import ConfigError, CorpusError
from index import Index

from ..loading import load_index
from .settings import read_config_text

CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")


@dataclass(frozen=True)
class Corpora:
    """The default index and the channels that answer from another one."""

    default: Index
    channels: dict[str, Index] = field(default_factory=dict)

    def for_channel(self, channel: str | None) -> Index:
        return self.channels.get(channel or "", self.default)

    @staticmethod
    def documents(index: Index) -> list[str]:
        return list(dict.fromkeys(p.document for p in index.passages))


def _line_of(text: str, key: str, after: int = 0) -> int:
    """The 1-based line where ``key`` is defined (as a bare or quoted key), from line ``after`` on."""
    pattern = re.compile(r'^\s*(\[\[?\s*)?["\']?' + re.escape(key) + r'["\']?\s*(=|\]|\.)')
    for n, line in enumerate(text.splitlines()[after:], after + 1):
        if pattern.match(line):
            return n
    return 0


def read_channel_map(path: str | Path) -> dict[str, tuple[Path, int]]:
    """Channel id -> (corpus path, the line it is set on), checked for shape but not yet loaded."""
    path = Path(path)
    text = read_config_text(path, "a channel map", "no such channel map (CHANNEL_CORPORA names it)")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line N, column M)"
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    for key in data:
        if key != "channels":
            raise ConfigError(f'{path}, line {_line_of(text, key)}: unknown key "{key}"; '
                              'the file holds one [channels] table of channel id = "corpus path"')
    channels = data.get("channels", {})
    if not isinstance(channels, dict):
        raise ConfigError(f'{path}, line {_line_of(text, "channels")}: "channels" must be a table ([channels])')
    table = _line_of(text, "channels")
    found: dict[str, tuple[Path, int]] = {}
    for channel, corpus in channels.items():
        line = _line_of(text, channel, table)
        where = f"{path}, line {line}"
        if not CHANNEL_ID.match(channel):
            raise ConfigError(f'{where}: unknown key "{channel}": use the channel id (C... or G..., in the '
                              "channel's details), not its name")
        if not isinstance(corpus, str) or not corpus.strip():
            raise ConfigError(f'{where}: {channel} must name a corpus file or folder in quotes')
        target = (path.parent / corpus).resolve() if not Path(corpus).is_absolute() else Path(corpus)
        if not target.exists():
            raise ConfigError(f"{where}: {channel}: corpus {corpus} does not exist (paths are relative to "
                              f"{path.parent or '.'})")
        found[channel] = (target, line)
    return found


def load_corpora(default: Index, channel_map: str | Path | None,
                 load: Callable[[Path], Index] = load_index) -> Corpora:
    """Build every mapped corpus once (two channels on one corpus share its index)."""
    if not channel_map:
        return Corpora(default)
    built: dict[Path, Index] = {}
    channels: dict[str, Index] = {}
    for channel, (target, line) in read_channel_map(channel_map).items():
        if target not in built:
            try:
                built[target] = load(target)
            except CorpusError as exc:
                raise ConfigError(f"{channel_map}, line {line}: {channel}: {exc}") from None
        channels[channel] = built[target]
    return Corpora(default, channels)
