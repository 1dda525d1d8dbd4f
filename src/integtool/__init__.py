"""integtool: keeps multilingual municipal integration content fresh, translated and read."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("integtool")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
