"""The timeline chart's buckets: per-day counts summed into weeks or months, gaps filled with zero."""
import datetime as dt

from statements.templatetags.browse import choose_unit, fill_buckets

D = dt.date


def test_days_sum_into_months_with_empty_months_filled():
    series = [{"bucket": D(2025, 1, 3), "n": 2}, {"bucket": D(2025, 1, 30), "n": 1}, {"bucket": D(2025, 4, 2), "n": 4}]
    months = fill_buckets(series, "month")
    assert [(b["start"], b["n"]) for b in months] == [
        (D(2025, 1, 1), 3), (D(2025, 2, 1), 0), (D(2025, 3, 1), 0), (D(2025, 4, 1), 4)]
    assert months[0]["end"] == D(2025, 1, 31) and months[-1]["end"] == D(2025, 4, 30)


def test_weeks_start_on_monday_and_cross_the_year():
    series = [{"bucket": D(2024, 12, 31), "n": 1}, {"bucket": D(2025, 1, 9), "n": 1}]
    weeks = fill_buckets(series, "week")
    assert [(b["start"], b["n"]) for b in weeks] == [(D(2024, 12, 30), 1), (D(2025, 1, 6), 1)]


def test_unit_chosen_by_span_unless_asked():
    short = [{"bucket": D(2025, 1, 1), "n": 1}, {"bucket": D(2025, 3, 1), "n": 1}]
    long = [{"bucket": D(2023, 1, 1), "n": 1}, {"bucket": D(2025, 3, 1), "n": 1}]
    assert choose_unit(short) == "week" and choose_unit(long) == "month"
    assert choose_unit(long, "week") == "week" and choose_unit([], "") == "month"


def test_long_histories_keep_the_latest_buckets():
    series = [{"bucket": D(2000, 1, 1), "n": 1}, {"bucket": D(2025, 1, 1), "n": 1}]
    assert len(fill_buckets(series, "month")) == 156
    assert fill_buckets(series, "month")[-1]["start"] == D(2025, 1, 1)
    assert fill_buckets([], "week") == []
