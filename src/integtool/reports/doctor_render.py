"""What `integtool doctor` prints: one line per check (✓, ✗, or – for not configured), then
one line that sums them up."""

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from integtool.core.doctor import Diagnosis, Verdict
from integtool.i18n import _, ngettext

MARKS = {Verdict.OK: "✓", Verdict.FAILED: "✗", Verdict.SKIPPED: "–"}
_STYLES = {Verdict.OK: "green", Verdict.FAILED: "red", Verdict.SKIPPED: "dim"}


def diagnosis_line(diagnosis: Diagnosis) -> Text:
    """`✓ The CMS at … answers (12 regions).`"""
    line = Text(MARKS[diagnosis.verdict], style=_STYLES[diagnosis.verdict])
    return line.append(f" {diagnosis.sentence}", style="")


def summary(diagnoses: Sequence[Diagnosis]) -> str:
    """All fine, or how many checks failed."""
    failed = sum(1 for d in diagnoses if d.verdict is Verdict.FAILED)
    if not failed:
        return _("Everything checked works.")
    return ngettext("{count} check failed.", "{count} checks failed.", failed).format(count=failed)


def render_diagnoses(diagnoses: Sequence[Diagnosis], console: Console) -> None:
    """Every line, then the summary."""
    for diagnosis in diagnoses:
        console.print(diagnosis_line(diagnosis), highlight=False, soft_wrap=True)
    console.print(summary(diagnoses), markup=False, highlight=False)
