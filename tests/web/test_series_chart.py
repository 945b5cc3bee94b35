"""The series chart reads: round ticks, a legend of origins, the newest figure inside the
picture, and a text alternative."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from factcheck.ledger.charts import nice_ticks, series_charts
from factcheck.ledger.reports.series_figures import series_figures
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    SourceFactory,
)


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (462.0, [0, 200, 400, 600]),
        (42.9, [0, 20, 40, 60]),
        (1100.0, [0, 500, 1000, 1500]),
        (7.0, [0, 2, 4, 6, 8]),
        (0.0, [0, 1]),
    ],
)
def test_ticks_are_round(top, ticks):
    assert nice_ticks(top) == ticks


@pytest.mark.django_db
def test_the_chart_has_a_legend_round_ticks_the_newest_label_inside_and_a_description():
    strikes = SeriesFactory(name="Overnight strikes")
    nights = [
        EventFactory(series=strikes, start=dt.date(2026, 2, 16), end=dt.date(2026, 2, 17)),
        EventFactory(series=strikes, start=dt.date(2026, 2, 25), end=dt.date(2026, 2, 26)),
    ]
    for night, value, agency in ((nights[0], 400, "AP"), (nights[1], 420, "AFP")):
        article = ArticleFactory(wire_agency=agency, source=SourceFactory())
        claim = ClaimFactory(article=article, event=night, kind="quantity", published=True)
        MeasurementFactory(claim=claim, quantity="drones", value=value, text=f"some {value}")
    (chart,) = series_charts(series_figures(series=strikes))
    svg = str(chart.svg)
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    assert [t for t in re.findall(r'font-size="15" fill="#475467">([\d,]+)<', svg)] == [
        "0",
        "200",
        "400",
        "600",
    ]
    assert svg.count('class="legend"') == 2 and ">AFP<" in svg and ">AP<" in svg
    newest = re.search(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end" font-size="16"', svg)
    assert newest and float(newest.group(1)) < width
    assert "<desc>16–17 Feb: some 400 (AP). 25–26 Feb: some 420 (AFP)</desc>" in svg
    assert 'role="img" aria-label="drones per event date: 16–17 Feb: some 400 (AP)' in svg


@pytest.mark.django_db
def test_a_long_series_labels_only_as_many_dates_and_values_as_fit():
    strikes = SeriesFactory(name="Overnight strikes")
    for day in range(50):
        night = EventFactory(
            series=strikes,
            start=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            end=dt.date(2026, 1, 2) + dt.timedelta(days=day),
        )
        for agency, value in (("AP", 100 + 3 * day), ("AFP", 110 + 3 * day)):
            article = ArticleFactory(wire_agency=agency, source=SourceFactory())
            claim = ClaimFactory(article=article, event=night, kind="quantity", published=True)
            MeasurementFactory(claim=claim, quantity="drones", value=value)
    (chart,) = series_charts(series_figures(series=strikes))
    svg = str(chart.svg)
    dates = [
        float(x) for x in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle"', svg)
    ]
    values = re.findall(
        r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(?:start|end)" font-size="16"', svg
    )
    assert 3 <= len(dates) < 50 and 2 <= len(values) < 50
    # far enough apart for labels such as "1–2 Jan" (about 9 px a character)
    assert min(b - a for a, b in zip(dates, dates[1:], strict=False)) >= 9 * len("31 Jan–1 Feb")
    # every figure is still in the picture's text alternative and the dots' titles
    assert svg.count('class="report"') == 100
    description = re.search(r"<desc>(.*?)</desc>", svg).group(1)
    assert description.count("(AFP)") == 50 and description.count("(AP)") == 50
