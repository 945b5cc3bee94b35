"""The suggestion engine: every actor mention, statement, figure and date of one article body."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence

from .actors import actor_matcher, find_candidates, find_known
from .bodies import find_bodies
from .dates import DateHit, find_dates
from .figures import find_figures
from .records import KnownActor, Suggestion
from .statements import find_statements
from .text import Span, paragraphs, quotes, sentences

_PERIOD_RULES = frozenset({"months-to", "first-months"})


def suggest(
    text: str, *, published: datetime.date, actors: Sequence[KnownActor] = ()
) -> list[Suggestion]:
    """All suggestions for one article body, sorted by (start, end, kind)."""
    layout = []
    all_quotes: list[Span] = []
    all_sentences: list[Span] = []
    for para in paragraphs(text):
        quoted, left_open = quotes(text, para)
        sents = sentences(text, para, quoted)
        layout.append((para, sents, quoted, left_open))
        all_quotes += quoted
        all_sentences += sents
    matcher = actor_matcher(tuple(actors))  # compiled once per table, then cached
    known = find_known(text, matcher)
    candidates = find_candidates(text, known, matcher)
    bodies = find_bodies(text, known, candidates, actors)
    mentions = sorted(known + candidates + bodies, key=lambda m: m.start)
    dates = find_dates(text, published, all_quotes)
    figures = find_figures(text, all_sentences)
    # A duration that only delimits a period ("the first nine months", "the 12 months to
    # August") is that period's date, not a figure. ("Over the past 12 months" keeps its
    # figure too: the earlier gold counts it as a duration.)
    periods = [d for d in dates if d.rule in _PERIOD_RULES]
    figures = [
        f
        for f in figures
        if f.quantity != "duration"
        or not any(d.start <= f.start and f.end <= d.end for d in periods)
    ]
    statements = find_statements(text, layout, mentions)

    locate = _Locator(text, layout, dates)
    out: list[Suggestion] = []
    for m in mentions:
        out.append(
            Suggestion(
                "actor",
                m.start,
                m.end,
                text[m.start : m.end],
                m.rule,
                actor=m.actor,
                actor_id=m.actor_id,
                role=m.role,
                affiliation=m.affiliation,
                actor_kind=m.actor_kind,
                name=m.name if m.actor is None else "",
                aliases=m.aliases,
                context=locate.sentence_text(m.start),
            )  # fmt: skip
        )
    for d in dates:
        out.append(
            Suggestion(
                "date",
                d.start,
                d.end,
                text[d.start : d.end],
                f"date: {d.rule}",
                start_date=d.start_date,
                end_date=d.end_date,
                precision=d.precision,
                context=locate.sentence_text(d.start),
            )  # fmt: skip
        )
    for f in figures:
        about = locate.about(f.start, f.end)
        out.append(
            Suggestion(
                "figure",
                f.start,
                f.end,
                text[f.start : f.end],
                f.rule,
                quantity=f.quantity,
                value=f.value,
                unit=f.unit,
                bound=f.bound,
                about_start=about.start_date if about else None,
                about_end=about.end_date if about else None,
                context=locate.sentence_text(f.start),
            )  # fmt: skip
        )
    for s in statements:
        about = locate.about(s.start, s.end)
        out.append(
            Suggestion(
                "statement",
                s.start,
                s.end,
                text[s.start : s.end],
                s.rule,
                claimant=s.claimant,
                claimant_id=s.claimant_id,
                claim_kind=s.claim_kind,
                quote=s.quote,
                about_start=about.start_date if about else None,
                about_end=about.end_date if about else None,
            )  # fmt: skip
        )
    out.sort(key=lambda s: (s.start, s.end, s.kind))
    return out


class _Locator:
    """Finds the sentence and paragraph around an offset, and the date a stretch is about."""

    def __init__(
        self,
        text: str,
        layout: list[tuple[Span, list[Span], list[Span], bool]],
        dates: list[DateHit],
    ) -> None:
        self.text = text
        self.paras = [p for p, _, _, _ in layout]
        self.sents = [s for _, sents, _, _ in layout for s in sents]
        self.sent_starts = [s.start for s in self.sents]
        self.para_starts = [p.start for p in self.paras]
        self.dates = dates

    def _sentence(self, pos: int) -> Span | None:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[i] if i >= 0 else None

    def sentence_text(self, pos: int) -> str:
        """Text of the sentence holding pos."""
        s = self._sentence(pos)
        return self.text[s.start : s.end] if s else ""

    def about(self, start: int, end: int) -> DateHit | None:
        """The date a stretch is about: nearest in its sentences, else the paragraph's first."""
        first = self._sentence(start)
        last = self._sentence(max(start, end - 1))
        lo = first.start if first else start
        hi = last.end if last else end
        inside = [d for d in self.dates if lo <= d.start < hi]
        if inside:
            return min(inside, key=lambda d: min(abs(d.start - start), abs(d.start - end)))
        i = bisect.bisect_right(self.para_starts, start) - 1
        if i < 0:
            return None
        para = self.paras[i]
        earlier = [d for d in self.dates if para.start <= d.start < start]
        return earlier[0] if earlier else None
