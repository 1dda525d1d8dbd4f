"""What `integtool init` shows: the region's languages and tree, what it wrote, what is left to
do, and the nightly report for cron and systemd."""

from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.table import Table
from rich.text import Text

from integtool.core.models import Language, Region
from integtool.i18n import _, language_name
from integtool.services.schedule import Schedule
from integtool.services.setup import SetupResult


def region_choices(regions: Sequence[Region]) -> Table:
    """The regions a name matched, numbered for the answer."""
    table = Table(_("No."), _("Region (slug)"), _("Name"))
    for number, region in enumerate(regions, start=1):
        table.add_row(str(number), Text(region.slug), Text(region.name))
    return table


def languages_table(
    region: Region, languages: Sequence[Language], sources: Mapping[str, str]
) -> Table:
    """The region's languages, default first, each with the language it is translated from."""
    table = Table(
        _("Language"), _("Name"), _("Translated from"),
        title=_("Languages of {region} ({slug})").format(region=region.name, slug=region.slug),
    )  # fmt: skip
    for index, language in enumerate(languages):
        source = sources.get(language.code)
        name = language_name(language.code)
        native = language.native_name
        table.add_row(
            Text(language.code),
            Text(f"{name} ({native})" if native and native != name else name),
            _("default language") if index == 0 else Text(source or "-"),
        )
    return table


def written_lines(result: SetupResult, shadow: Path | None = None) -> list[str]:
    """What was written, and the environment variables to set (never written by init)."""
    lines = [
        _("The configuration is written: {path} (region {region}, {name}).").format(
            path=result.path, region=result.plan.region, name=result.region_name
        )
    ]
    if result.glossary_copied is not None:
        lines.append(
            _("The shipped example glossary is copied to {path}: make it yours (docs/glossary.md)."
              ).format(path=result.glossary_copied)
        )  # fmt: skip
    if result.glossary_kept is not None:
        lines.append(
            _("The glossary {path} was already there and is kept.").format(
                path=result.glossary_kept
            )
        )
    if shadow is not None:
        lines.append(
            _("Note: {local} in this folder is read before {path} when integtool runs here."
              ).format(local=shadow, path=result.path)
        )  # fmt: skip
    lines += ["", _("Secrets are never written into the configuration; set them in the "
                    "environment:")]  # fmt: skip
    width = max(len(secret.variable) for secret in result.secrets)
    lines += [f"  {secret.variable:<{width}}  {secret.purpose}" for secret in result.secrets]
    lines.append(
        _("For cron and systemd put them, as NAME=value lines, into {path} (readable only by "
          "you: chmod 600 {path}).").format(path=result.env_file)
    )  # fmt: skip
    return lines


def schedule_text(schedule: Schedule, *, cron: bool = True, systemd: bool = True) -> str:
    """The crontab line and the two systemd units, each headed by where it belongs."""
    parts = []
    if cron:
        heading = _("crontab -e: the report every morning at 6:15")
        parts.append(f"# {heading}\n{schedule.cron}")
    if systemd:
        service = schedule.unit_folder / f"{schedule.unit_name}.service"
        timer = schedule.unit_folder / f"{schedule.unit_name}.timer"
        enable = _("then: systemctl --user daemon-reload && systemctl --user enable --now {timer}")
        linger = _("and, so that it also runs while you are logged out: loginctl enable-linger")
        parts.append(f"# {service}\n{schedule.units.service}".rstrip("\n"))
        parts.append(f"# {timer}\n{schedule.units.timer}".rstrip("\n"))
        parts.append(f"# {enable.format(timer=timer.name)}\n# {linger}")
    return "\n\n".join(parts) + "\n"
