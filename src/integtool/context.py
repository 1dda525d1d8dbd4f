"""Per-invocation state shared by the commands: global options, configuration, consoles."""

import os
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from integtool.config import Config, is_http_url, load_config
from integtool.errors import ConfigError
from integtool.i18n import _
from integtool.run_control import start_run_deadline
from integtool.store.database import default_state_path

if TYPE_CHECKING:
    from integtool.services.access.runs import AccessOutcome
    from integtool.services.check import RegionFailure


@dataclass
class AppContext:
    """What the global options decided; commands read their configuration from here."""

    config_path: Path | None = None
    base_url: str | None = None
    demo: bool = False
    state: Path | None = None
    quiet: bool = False
    verbose: bool = False
    out: Console = field(default_factory=lambda: Console(soft_wrap=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, soft_wrap=True))

    @cached_property
    def config(self) -> Config:
        """The configuration, with `--base-url` / `INTEGTOOL_BASE_URL` applied over the file.

        Reading it starts the run's deadline (`[http] run_timeout`): every command that talks
        to a server reads the configuration first.
        """
        config = load_config(self.config_path, os.environ)
        if self.base_url:
            if not is_http_url(self.base_url):
                raise ConfigError(
                    _("The base URL {url} is not an http(s) URL.").format(url=repr(self.base_url))
                )
            config = replace(config, base_url=self.base_url.rstrip("/"))
        start_run_deadline(config.http.run_timeout)
        return config

    def command_line(self, command: str) -> str:
        """`integtool`, the global options in force and `command`: a hint the user can paste
        as it is (after a demo run it names `--demo`, after `--state X` the same file)."""
        words = ["integtool"]
        if self.demo:
            words.append("--demo")
        if self.config_path is not None:
            words += ["--config", str(self.config_path)]
        if self.base_url:
            words += ["--base-url", self.base_url]
        if self.state is not None:
            words += ["--state", str(self.state)]
        return f"{shlex.join(words)} {command}"

    @property
    def state_path(self) -> Path:
        """The SQLite state file: `--state`, else under the platform data directory.

        The demo keeps its own file, so demo drafts and memory never mix with real ones.
        """
        if self.state is not None:
            return self.state
        default = default_state_path()
        return default.with_name("integtool-demo.sqlite") if self.demo else default

    @property
    def show_progress(self) -> bool:
        """Progress display only for a person watching a terminal."""
        return not self.quiet and self.err.is_terminal

    def report_failures(self, failures: Iterable["RegionFailure"]) -> None:
        """One line on stderr per region that could not be processed (shown even with -q)."""
        for failure in failures:
            line = _("region '{region}' failed: {error}").format(
                region=failure.region, error=failure.error
            )
            self.err.print(f"integtool: {line}", markup=False, highlight=False)

    def report_access_problems(self, access: "AccessOutcome") -> None:
        """One stderr line per region whose statistics failed or whose reads were not stored."""
        for failure in access.failures:
            line = _("the statistics of region '{region}' failed: {error}").format(
                region=failure.region, error=failure.error
            )
            self.err.print(f"integtool: {line}", markup=False, highlight=False)
        for slug, reads in access.regions.items():
            if reads.not_stored:
                line = _("the reads of region '{region}' were not stored: {reason}").format(
                    region=slug, reason=reads.not_stored
                )
                self.err.print(f"integtool: {line}", markup=False, highlight=False)

    def note(self, message: str) -> None:
        """A diagnostic line on stderr (suppressed by --quiet)."""
        if not self.quiet:
            self.err.print(message, highlight=False, markup=False)
