"""Page API tokens for `pushpage`: from a TOML file only its owner can read.

File (`INTEGTOOL_PAGE_TOKENS`, else `page-tokens.toml` in the platform config directory):

    [neustadt]          # region slug
    553 = "token..."    # page id in the default language = that page's API token

Tokens are secrets: never printed, never logged, and sent only over https or to this machine.
"""

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from integtool.errors import ConfigError


def tokens_path(env: Mapping[str, str]) -> Path:
    """Where the tokens are read from."""
    explicit = env.get("INTEGTOOL_PAGE_TOKENS", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_config_dir("integtool")) / "page-tokens.toml"


def read_page_tokens(path: Path, region: str) -> dict[int, str]:
    """The region's tokens by default page id; ConfigError when the file is unsafe or invalid."""
    if not path.is_file():
        raise ConfigError(
            f"No page tokens: {path} does not exist (set INTEGTOOL_PAGE_TOKENS to the file)."
        )
    mode = path.stat().st_mode
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(f"The page token file {path} is readable by others; chmod 600 it.")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"The page token file {path} cannot be read: {error}.") from None
    table = data.get(region, {})
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: [{region}] must be a table of page id = "token".')
    tokens: dict[int, str] = {}
    for key, value in table.items():
        if not key.isdigit() or not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: [{region}] {key} must be a page id with a token string.")
        tokens[int(key)] = value
    return tokens
