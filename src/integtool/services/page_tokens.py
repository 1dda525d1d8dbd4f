"""Page API tokens for `pushpage`: from a TOML file only its owner can read.

File (`INTEGTOOL_PAGE_TOKENS`, else `page-tokens.toml` in the platform config directory):

    [neustadt]          # region slug
    553 = "token..."    # page id in the default language = that page's API token

Tokens are secrets: never printed, never logged, and sent only over https or to this machine.
Under `--demo` without `INTEGTOOL_PAGE_TOKENS` the demo's own (fictional) tokens are used, bundled
as `demo/data/<region>/page-tokens.toml` in the same shape.
"""

import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import platformdirs

from integtool.errors import ConfigError, IntegtoolError
from integtool.i18n import N_, _
from integtool.redaction import register


def tokens_path(env: Mapping[str, str]) -> Path:
    """Where the tokens are read from."""
    explicit = env.get("INTEGTOOL_PAGE_TOKENS", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_config_dir("integtool")) / "page-tokens.toml"


def page_tokens(env: Mapping[str, str], region: str, *, demo: bool) -> dict[int, str]:
    """The region's tokens: the file, or under `--demo` (no INTEGTOOL_PAGE_TOKENS) the demo's."""
    if demo and not env.get("INTEGTOOL_PAGE_TOKENS", "").strip():
        return demo_page_tokens(region)
    return read_page_tokens(tokens_path(env), region)


def demo_page_tokens(region: str) -> dict[int, str]:
    """The demo region's bundled tokens by default page id (none for an unknown region)."""
    bundled = files("integtool.demo") / "data" / region / "page-tokens.toml"
    if not bundled.is_file():
        return {}
    with as_file(bundled) as path:
        return read_page_table(
            path, region, file=N_("page token file"), table='page id = "token"',
            entry=N_("a page id with a token string"),
            valid=lambda value: isinstance(value, str) and value,
        )  # fmt: skip


def read_page_tokens(path: Path, region: str) -> dict[int, str]:
    """The region's tokens by default page id; ConfigError when the file is unsafe or invalid."""
    if not path.is_file():
        raise ConfigError(
            _("No page tokens: {path} does not exist (set INTEGTOOL_PAGE_TOKENS to the file).")
            .format(path=path)
        )  # fmt: skip
    mode = path.stat().st_mode
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            _("The page token file {path} is readable by others; chmod 600 it.").format(path=path)
        )
    tokens: dict[int, str] = read_page_table(
        path, region, file=N_("page token file"), table='page id = "token"',
        entry=N_("a page id with a token string"),
        valid=lambda value: isinstance(value, str) and value,
    )  # fmt: skip
    register(tokens.values())  # a server repeating a token never gets it printed
    return tokens


def read_page_table(
    path: Path,
    region: str,
    *,
    file: str,
    table: str,
    entry: str,
    valid: Callable[[object], object],
    error: type[IntegtoolError] = ConfigError,
) -> dict[int, Any]:
    """A TOML file's `[region]` table of default page id = value (page tokens, CMS page ids):
    `error` naming the file, the region and the entry when it cannot be read or an entry is
    not a page id with a `valid` value. `file` and `entry` are catalog messages (`N_`)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except RecursionError:  # tomllib on thousands of nested brackets
        raise error(
            _("The {file} {path} is nested too deeply.").format(file=_(file), path=path)
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as problem:
        raise error(
            _("The {file} {path} cannot be read: {reason}.").format(
                file=_(file), path=path, reason=problem
            )
        ) from None
    found = data.get(region, {})
    if not isinstance(found, dict):
        raise error(
            _("{path}: [{region}] must be a table of {table}.").format(
                path=path, region=region, table=table
            )
        )
    values: dict[int, Any] = {}
    for key, value in found.items():
        if not key.isdigit() or not valid(value):
            raise error(
                _("{path}: [{region}] {key} must be {entry}.").format(
                    path=path, region=region, key=key, entry=_(entry)
                )
            )
        values[int(key)] = value
    return values
