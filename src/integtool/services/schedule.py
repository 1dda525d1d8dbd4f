"""The nightly report for cron and for systemd, as `integtool init` prints it.

The text of the crontab line and of the units is `integtool.core.setup`'s; here the run is
put together: this integtool's executable, the configuration, the secrets file beside it.
"""

import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from integtool.core.setup import UNIT_NAME, SystemdUnits, cron_line, report_arguments, systemd_units
from integtool.i18n import _

ENV_FILE = "integtool.env"
"""Beside the configuration: the secrets for cron and systemd (written by the person, 0600)."""


@dataclass(frozen=True, slots=True)
class Schedule:
    """The nightly report for cron and for systemd, and where the units go."""

    cron: str
    units: SystemdUnits
    unit_folder: Path
    unit_name: str = UNIT_NAME


def integtool_command() -> list[str]:
    """How cron and systemd start this integtool: the script beside this Python, else the one
    on PATH, else this Python with `-m integtool` (always absolute: cron's PATH is short)."""
    beside = Path(sys.executable).with_name("integtool")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    found = shutil.which("integtool")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "integtool"]


def schedule(
    config_path: Path, recipients: Sequence[str], state: Path | None, *, demo: bool = False
) -> Schedule:
    """The report of the configured regions every morning: mailed to `recipients` when there
    are any (else cron mails its output to the crontab's owner); secrets from the env file."""
    config = config_path.absolute()
    env_file = config.parent / ENV_FILE
    arguments = report_arguments(
        integtool_command(), str(config), recipients,
        str(state.absolute()) if state else None, demo=demo,
    )  # fmt: skip
    units = systemd_units(
        arguments,
        env_file=str(env_file),
        service_description=_("integtool: the nightly report of the Integreat content"),
        timer_description=_("integtool: start the nightly report every morning"),
    )
    return Schedule(
        cron_line(arguments, env_file=str(env_file), mails=bool(recipients)),
        units,
        Path(platformdirs.user_config_dir()) / "systemd" / "user",
    )
