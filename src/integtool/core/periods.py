"""Reporting periods built from calendar months: the last complete month, quarter or year.

Matomo knows day, week, month and year but no quarter, so integtool always asks for months
and sums them into the period the editor chose.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from integtool.core.wording import N_, WordedError


class PeriodKind(StrEnum):
    """The length of a reporting period."""

    month = "month"
    quarter = "quarter"
    year = "year"

    @property
    def months(self) -> int:
        """Calendar months in one period."""
        return {"month": 1, "quarter": 3, "year": 12}[self.value]


DEFAULT_HISTORY = {PeriodKind.month: 12, PeriodKind.quarter: 4, PeriodKind.year: 3}
"""Earlier periods read by default to judge a language against its own history."""


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month."""

    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, label: str) -> "Month":
        """`2026-03` (Matomo's label of a monthly period)."""
        year, _, month = label.partition("-")
        if not 1 <= int(month) <= 12:
            raise WordedError(N_("no month {label}"), label=repr(label))
        return cls(int(year), int(month))

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        following = self.plus(1).first_day
        return date.fromordinal(following.toordinal() - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A month, quarter or year, by its first month."""

    start: Month
    kind: PeriodKind

    @classmethod
    def containing(cls, month: Month, kind: PeriodKind) -> "Period":
        offset = (month.month - 1) % kind.months
        return cls(month.plus(-offset), kind)

    @property
    def months(self) -> list[Month]:
        return [self.start.plus(step) for step in range(self.kind.months)]

    @property
    def end(self) -> Month:
        return self.start.plus(self.kind.months - 1)

    def plus(self, periods: int) -> "Period":
        return Period(self.start.plus(periods * self.kind.months), self.kind)

    @property
    def label(self) -> str:
        """`2026-10`, `2026-Q3` or `2026`."""
        if self.kind is PeriodKind.month:
            return str(self.start)
        if self.kind is PeriodKind.quarter:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)


def last_complete_period(today: date, kind: PeriodKind) -> Period:
    """The newest period that ended before `today` (a running period is never judged)."""
    return Period.containing(Month.of(today), kind).plus(-1)


def history_periods(report: Period, since: date | None) -> list[Period]:
    """The periods before `report` that count as its history, oldest first.

    From the period containing `since`, or the default number of periods back.
    """
    if since is None:
        first = report.plus(-DEFAULT_HISTORY[report.kind])
    else:
        first = Period.containing(Month.of(since), report.kind)
    periods = []
    current = first
    while current < report:
        periods.append(current)
        current = current.plus(1)
    return periods


def sum_periods(monthly: Mapping[Month, int], periods: Iterable[Period]) -> dict[Period, int]:
    """Monthly counts summed per period; a period with a month not in `monthly` is left out."""
    sums = {}
    for period in periods:
        months = period.months
        if all(month in monthly for month in months):
            sums[period] = sum(monthly[month] for month in months)
    return sums
