"""Calendar months, quarters and years: arithmetic, labels, the last complete period, histories."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integtool.core.periods import (
    DEFAULT_HISTORY,
    Month,
    Period,
    PeriodKind,
    history_periods,
    last_complete_period,
    sum_periods,
)

MONTH = PeriodKind.month
QUARTER = PeriodKind.quarter
YEAR = PeriodKind.year


def quarter(year: int, number: int) -> Period:
    return Period(Month(year, 3 * number - 2), QUARTER)


# --- months -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "steps", "result"),
    [
        (Month(2026, 3), 0, Month(2026, 3)),
        (Month(2026, 11), 1, Month(2026, 12)),
        (Month(2026, 12), 1, Month(2027, 1)),
        (Month(2026, 1), -1, Month(2025, 12)),
        (Month(2026, 2), -14, Month(2024, 12)),
        (Month(2025, 10), 27, Month(2028, 1)),
        (Month(2026, 12), -12, Month(2025, 12)),
        (Month(2026, 12), -24, Month(2024, 12)),
    ],
)
def test_month_arithmetic_across_year_ends(start: Month, steps: int, result: Month) -> None:
    assert start.plus(steps) == result


@given(st.integers(1900, 2200), st.integers(1, 12), st.integers(-500, 500), st.integers(-500, 500))
def test_month_steps_add_up_and_stay_in_range(
    year: int, month: int, first: int, second: int
) -> None:
    start = Month(year, month)
    assert start.plus(first).plus(second) == start.plus(first + second)
    assert start.plus(first).plus(-first) == start
    assert 1 <= start.plus(first).month <= 12
    later = start.plus(abs(first) + 1)
    assert start < later


@pytest.mark.parametrize(
    ("month", "first", "last"),
    [
        (Month(2026, 1), date(2026, 1, 1), date(2026, 1, 31)),
        (Month(2026, 2), date(2026, 2, 1), date(2026, 2, 28)),
        (Month(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
        (Month(2026, 4), date(2026, 4, 1), date(2026, 4, 30)),
        (Month(2026, 12), date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_first_and_last_day_of_a_month(month: Month, first: date, last: date) -> None:
    assert month.first_day == first
    assert month.last_day == last


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_day_lies_in_its_month(day: date) -> None:
    month = Month.of(day)
    assert month.first_day <= day <= month.last_day
    assert month.last_day + timedelta(days=1) == month.plus(1).first_day


@pytest.mark.parametrize(
    ("label", "month"), [("2026-03", Month(2026, 3)), ("2025-12", Month(2025, 12))]
)
def test_month_labels_round_trip(label: str, month: Month) -> None:
    assert Month.parse(label) == month
    assert str(month) == label


def test_month_label_is_zero_padded() -> None:
    assert str(Month(987, 1)) == "0987-01"
    assert Month.parse("2026-3") == Month(2026, 3)


def test_months_order_chronologically() -> None:
    assert sorted([Month(2026, 1), Month(2025, 12), Month(2025, 2)]) == [
        Month(2025, 2),
        Month(2025, 12),
        Month(2026, 1),
    ]


# --- periods ----------------------------------------------------------------------------------


def test_period_kinds_have_their_month_counts() -> None:
    assert [kind.months for kind in (MONTH, QUARTER, YEAR)] == [1, 3, 12]


@pytest.mark.parametrize(
    ("month", "kind", "start"),
    [
        (Month(2026, 8), MONTH, Month(2026, 8)),
        (Month(2026, 7), QUARTER, Month(2026, 7)),
        (Month(2026, 8), QUARTER, Month(2026, 7)),
        (Month(2026, 9), QUARTER, Month(2026, 7)),
        (Month(2026, 10), QUARTER, Month(2026, 10)),
        (Month(2026, 12), QUARTER, Month(2026, 10)),
        (Month(2026, 1), QUARTER, Month(2026, 1)),
        (Month(2026, 1), YEAR, Month(2026, 1)),
        (Month(2026, 12), YEAR, Month(2026, 1)),
    ],
)
def test_period_containing_a_month(month: Month, kind: PeriodKind, start: Month) -> None:
    period = Period.containing(month, kind)
    assert period == Period(start, kind)
    assert month in period.months


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (Period(Month(2026, 10), MONTH), "2026-10"),
        (Period(Month(2026, 3), MONTH), "2026-03"),
        (quarter(2026, 1), "2026-Q1"),
        (quarter(2026, 2), "2026-Q2"),
        (quarter(2026, 3), "2026-Q3"),
        (quarter(2026, 4), "2026-Q4"),
        (Period(Month(2026, 1), YEAR), "2026"),
    ],
)
def test_period_labels(period: Period, label: str) -> None:
    assert period.label == label


def test_months_and_end_of_a_period() -> None:
    q4 = quarter(2025, 4)
    assert q4.months == [Month(2025, 10), Month(2025, 11), Month(2025, 12)]
    assert q4.end == Month(2025, 12)
    year = Period(Month(2025, 1), YEAR)
    assert len(year.months) == 12
    assert year.end == Month(2025, 12)
    assert Period(Month(2025, 5), MONTH).months == [Month(2025, 5)]


def test_period_arithmetic_across_year_ends() -> None:
    assert quarter(2026, 4).plus(1) == quarter(2027, 1)
    assert quarter(2026, 1).plus(-1) == quarter(2025, 4)
    assert quarter(2026, 1).plus(-5) == quarter(2024, 4)
    assert Period(Month(2026, 1), MONTH).plus(-1) == Period(Month(2025, 12), MONTH)
    assert Period(Month(2026, 1), YEAR).plus(-2) == Period(Month(2024, 1), YEAR)


# --- the last complete period -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "kind", "label"),
    [
        # first day of a month: the month before has just ended
        (date(2026, 4, 1), MONTH, "2026-03"),
        (date(2026, 1, 1), MONTH, "2025-12"),
        # last day of a month: that month is still running
        (date(2026, 3, 31), MONTH, "2026-02"),
        (date(2026, 12, 31), MONTH, "2026-11"),
        (date(2024, 2, 29), MONTH, "2024-01"),
        # quarters
        (date(2026, 4, 1), QUARTER, "2026-Q1"),
        (date(2026, 3, 31), QUARTER, "2025-Q4"),
        (date(2026, 1, 1), QUARTER, "2025-Q4"),
        (date(2026, 10, 1), QUARTER, "2026-Q3"),
        (date(2026, 9, 30), QUARTER, "2026-Q2"),
        (date(2026, 8, 15), QUARTER, "2026-Q2"),
        # years
        (date(2026, 1, 1), YEAR, "2025"),
        (date(2026, 12, 31), YEAR, "2025"),
        (date(2027, 1, 1), YEAR, "2026"),
    ],
)
def test_last_complete_period_on_boundary_days(today: date, kind: PeriodKind, label: str) -> None:
    period = last_complete_period(today, kind)
    assert period.kind is kind
    assert period.label == label


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from(list(PeriodKind)),
)
def test_last_complete_period_ended_before_today_and_is_the_newest(
    today: date, kind: PeriodKind
) -> None:
    period = last_complete_period(today, kind)
    assert period.end.last_day < today
    # the next period is the running one: it contains today
    running = period.plus(1)
    assert running.start.first_day <= today <= running.end.last_day


# --- history ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(PeriodKind))
def test_default_history_is_the_periods_right_before_the_report(kind: PeriodKind) -> None:
    report = last_complete_period(date(2026, 2, 10), kind)
    periods = history_periods(report, None)
    assert len(periods) == DEFAULT_HISTORY[kind]
    assert periods[-1] == report.plus(-1)
    assert periods == sorted(periods)
    assert all(period.kind is kind for period in periods)
    # consecutive, without gaps
    assert all(later == earlier.plus(1) for earlier, later in pairwise(periods))


def test_default_history_of_a_month_reaches_back_a_year() -> None:
    periods = history_periods(Period(Month(2026, 1), MONTH), None)
    assert [period.label for period in periods] == [f"2025-{month:02d}" for month in range(1, 13)]


def test_default_history_of_a_quarter_and_a_year() -> None:
    assert [p.label for p in history_periods(quarter(2026, 1), None)] == [
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
    ]
    assert [p.label for p in history_periods(Period(Month(2026, 1), YEAR), None)] == [
        "2023",
        "2024",
        "2025",
    ]


def test_history_since_a_day_starts_with_the_period_containing_it() -> None:
    report = quarter(2026, 3)
    periods = history_periods(report, date(2025, 11, 20))
    assert [period.label for period in periods] == ["2025-Q4", "2026-Q1", "2026-Q2"]


def test_history_since_can_reach_further_back_than_the_default() -> None:
    report = Period(Month(2026, 3), MONTH)
    periods = history_periods(report, date(2024, 12, 31))
    assert len(periods) == 15
    assert periods[0].label == "2024-12"
    assert periods[-1].label == "2026-02"


@pytest.mark.parametrize("since", [date(2026, 7, 1), date(2026, 9, 30), date(2027, 2, 1)])
def test_history_since_the_report_or_later_is_empty(since: date) -> None:
    assert history_periods(quarter(2026, 3), since) == []


# --- summing months ---------------------------------------------------------------------------


def test_sum_periods_adds_the_months_of_each_period() -> None:
    monthly = {Month(2025, month): month * 100 for month in range(1, 13)}
    sums = sum_periods(monthly, [quarter(2025, number) for number in range(1, 5)])
    assert sums == {
        quarter(2025, 1): 600,
        quarter(2025, 2): 1500,
        quarter(2025, 3): 2400,
        quarter(2025, 4): 3300,
    }
    year = Period(Month(2025, 1), YEAR)
    assert sum_periods(monthly, [year]) == {year: 7800}


def test_sum_periods_leaves_out_incomplete_periods() -> None:
    # August is missing (no data yet, or a failed request): Q3 cannot be told
    monthly = {Month(2025, month): 10 for month in range(1, 13) if month != 8}
    periods = [quarter(2025, number) for number in range(1, 5)]
    sums = sum_periods(monthly, periods)
    assert quarter(2025, 3) not in sums
    assert sums == {quarter(2025, 1): 30, quarter(2025, 2): 30, quarter(2025, 4): 30}
    assert sum_periods(monthly, [Period(Month(2025, 1), YEAR)]) == {}


def test_a_month_with_zero_reads_is_complete() -> None:
    monthly = {Month(2025, 10): 0, Month(2025, 11): 0, Month(2025, 12): 5}
    assert sum_periods(monthly, [quarter(2025, 4)]) == {quarter(2025, 4): 5}


def test_sum_periods_ignores_months_outside_the_periods() -> None:
    monthly = {Month(2025, 12): 7, Month(2026, 1): 11, Month(2026, 2): 13}
    periods = [Period(Month(2026, 1), MONTH), Period(Month(2026, 2), MONTH)]
    assert sum_periods(monthly, periods) == {periods[0]: 11, periods[1]: 13}
    assert sum_periods(monthly, []) == {}
