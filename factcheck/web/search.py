"""Reader search over published claims and current articles.

On PostgreSQL: full-text search on stored, trigger-kept search vectors with GIN indexes
(ranked, with ts_headline snippets); when no word matches a claim, trigram similarity finds
fragments and misspelled names.
Elsewhere (SQLite in development): every word must appear in one of the fields, case-insensitive,
and the snippet marks the words in Python. Both return snippets as SafeString, escaped first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest, Left
from django.utils.html import format_html, format_html_join

from factcheck.ledger.choices import Rating
from factcheck.ledger.models import Actor, Article, Claim, Event, Topic
from factcheck.ledger.querysets import SEARCH_CONFIG, StoredSearchVector

from .highlight import MARK_START, MARK_STOP, mark_terms, render_marked

LIMIT = 20  # claims and articles on a page (a reader asks for more results)
CANDIDATES = 200  # matches ranked per kind: the newest (see _best)
HEADLINE_CHARS = 2000
CONFIG = SEARCH_CONFIG
TRIGRAM_CHARS = 60  # a name or a fragment; longer text is for the full-text query
SNIPPET_CHARS = 220


class RecordByNameField(forms.CharField):
    """A record given by its id (as links give it) or typed by name: a text box, not a list of
    every actor or event, which would be megabytes at a newsroom's size. One query."""

    def __init__(self, *, queryset, names: tuple[str, ...], noun: str, **kwargs):
        super().__init__(required=False, max_length=200, **kwargs)
        self.queryset, self.names, self.noun = queryset, names, noun

    def clean(self, value):
        value = (super().clean(value) or "").strip()
        if not value:
            return None
        if value.isdigit() and len(value) <= 18:
            found = self.queryset.filter(pk=int(value)).first()
        else:
            named = reduce(or_, (Q(**{f"{name}__iexact": value}) for name in self.names))
            found = self.queryset.filter(named).order_by("pk").first()
        if found is None:
            raise forms.ValidationError(f"No {self.noun} is named “{value}”.")
        return found


class ListSelect(forms.Select):
    """A select drawn in one pass over its choices: Django's widget renders every option through
    its own template, which made a hundred topics cost the whole search page 6 ms."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), " selected" if str(key) == chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, forms.utils.flatatt(attrs), options
        )


class SearchForm(forms.Form):
    q = forms.CharField(label="Words", required=False, max_length=200)
    actor = RecordByNameField(
        label="Actor", queryset=Actor.objects.all(), names=("name", "aliases__name"), noun="actor"
    )
    event = RecordByNameField(
        label="Event", queryset=Event.objects.all(), names=("name",), noun="event"
    )
    topic = forms.ModelChoiceField(
        label="Topic", queryset=Topic.objects.order_by("title"), required=False, widget=ListSelect
    )
    rating = forms.ChoiceField(
        label="Rating",
        required=False,
        choices=[("", "Any rating"), *[(v, lbl) for v, lbl in Rating.choices if v]],
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def has_filters(self) -> bool:
        """Whether any filter besides the words was given (the filters panel starts open)."""
        return any(self.data.get(name) for name in self.fields if name != "q")

    def is_search(self) -> bool:
        return self.is_valid() and any(v not in (None, "") for v in self.cleaned_data.values())


@dataclass
class Results:
    claims: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    ranked: bool = False
    page: int = 1
    has_next: bool = False  # more claims or articles after this page


def _terms(q: str) -> list[str]:
    return [t for t in (w.strip("\"'.,;:!?()") for w in q.split()) if t][:10]


def _claim_filters(claims: QuerySet, data: dict) -> QuerySet:
    if data.get("actor"):
        about = Claim.objects.filter(subjects=data["actor"]).values("pk")
        claims = claims.filter(Q(claimant=data["actor"]) | Q(pk__in=about))
    if data.get("event"):
        claims = claims.filter(event=data["event"])
    if data.get("topic"):
        claims = claims.filter(topic=data["topic"])
    if data.get("rating"):
        claims = claims.filter(rating=data["rating"])
    return claims


def _date_filters(qs: QuerySet, data: dict, prefix: str = "") -> QuerySet:
    if data.get("date_from"):
        qs = qs.filter(**{f"{prefix}published__gte": data["date_from"]})
    if data.get("date_to"):
        qs = qs.filter(**{f"{prefix}published__lte": data["date_to"]})
    return qs


def search_run(data: dict, *, page: int = 1) -> Results:
    """Published claims and current articles matching the cleaned form data: ``page`` holds
    the best ``LIMIT`` of each after ``(page - 1) * LIMIT``; one row more is read to know
    whether another page follows (no count of every match)."""
    start = (page - 1) * LIMIT
    stop = start + LIMIT + 1
    q = (data.get("q") or "").strip()
    claims = _date_filters(_claim_filters(Claim.objects.published(), data), data, "article__")
    articles = _date_filters(Article.objects.current().select_related("source"), data)
    if any(data.get(k) for k in ("actor", "event", "topic", "rating")):
        articles = articles.filter(pk__in=claims.values("article_id"))

    postgres = bool(q) and connection.vendor == "postgresql"
    if postgres:
        candidates = claims
        claims, articles = _postgres(q, claims, articles, start=start, stop=stop)
        ranked = True
    else:
        claims, articles = _fallback(q, claims, articles)
        ranked = False

    # On PostgreSQL the ranked claims are already the page's (ranked on the claim table).
    claim_rows = list(claims.as_rows() if postgres else claims.as_rows()[start:stop])
    if postgres and not claim_rows and page == 1:
        # No word matched: perhaps a fragment or a misspelled name (one more query).
        claim_rows = list(_resembling(q, candidates).as_rows()[:stop])
    article_rows = list(articles[start:stop])
    has_next = len(claim_rows) > LIMIT or len(article_rows) > LIMIT
    claim_rows, article_rows = claim_rows[:LIMIT], article_rows[:LIMIT]
    terms = _terms(q)
    for claim in claim_rows:
        claim.snippet = render_marked(
            getattr(claim, "headline", None) or mark_terms(claim.exact, terms)
        )
    for article in article_rows:
        headline = getattr(article, "headline", None)
        article.snippet = render_marked(
            headline
            if headline and MARK_START in headline
            else mark_terms(article.body, terms, width=SNIPPET_CHARS)
        )
    return Results(
        claims=claim_rows, articles=article_rows, ranked=ranked, page=page, has_next=has_next
    )


def _postgres(
    q: str, claims: QuerySet, articles: QuerySet, *, start: int, stop: int
) -> tuple[QuerySet, QuerySet]:
    """Ranked matches on the stored search vectors (GIN indexes)."""
    query = SearchQuery(q, search_type="websearch", config=CONFIG)
    vector = StoredSearchVector()
    marks = {"start_sel": MARK_START, "stop_sel": MARK_STOP, "config": CONFIG}
    # Rank on each table alone, then join the page's rows: joining every match to its article,
    # claimant and event before sorting would cost far more than the ranking.
    best_claims = _best(claims, query, ("-published_at", "-id"), start=start, stop=stop)
    claims = (
        Claim.objects.filter(pk__in=best_claims)
        .annotate(
            rank=SearchRank(vector, query),
            headline=SearchHeadline("exact", query, highlight_all=True, **marks),
        )
        .order_by("-rank", "-published_at", "-id")
    )
    best_articles = _best(articles, query, ("-published", "-id"), start=start, stop=stop)
    articles = (
        Article.objects.filter(pk__in=best_articles)
        .select_related("source")
        .annotate(
            rank=SearchRank(vector, query),
            # The opening of the body: parsing whole articles for 50 snippets costs more than
            # the search (a match further in is marked from the words, in Python).
            headline=SearchHeadline(
                Left("body", HEADLINE_CHARS),
                query,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
                **marks,
            ),
        )
        .order_by("-rank", "-published", "-id")
    )
    return claims, articles


def _best(matches: QuerySet, query: SearchQuery, newest: tuple[str, ...], *, start, stop):
    """The ids of the page's best matches, ranked among the ``CANDIDATES`` newest.

    The GIN index finds every match at once, but ranking reads each match's vector: a common
    word matches thousands of claims (and whole articles' vectors are large), so only the
    newest few hundred are ranked; a reader narrows a broad word with more words or dates.
    """
    vector = StoredSearchVector()
    candidates = (
        matches.alias(document=vector).filter(document=query).order_by(*newest).values("pk")
    )[:CANDIDATES]
    return (
        matches.model.objects.filter(pk__in=candidates)
        .alias(rank=SearchRank(vector, query))
        .order_by("-rank", *newest)
        .values("pk")[start:stop]
    )


def _resembling(q: str, claims: QuerySet) -> QuerySet:
    """Claims with a stretch of quote or summary that resembles the words by trigrams
    (``pg_trgm`` word similarity on its own GIN indexes): a fragment ("Donets") or a
    misspelled name ("Zelenksy") still finds them, most alike first. Only asked when the
    full-text query found nothing: a common word resembles thousands of quotes.

    Nor when the words hold nothing to search for: words the full-text search drops ("on",
    "the") resemble nearly every quote by their two or three letters (200 ms at 10,000 claims
    to return noise). PostgreSQL checks that condition once, before any scan."""
    fragment = q[:TRIGRAM_CHARS]
    has_words = RawSQL(
        "numnode(websearch_to_tsquery(%s::regconfig, %s)) > 0", (CONFIG, q), BooleanField()
    )
    return (
        claims.filter(has_words)
        .filter(Q(exact__trigram_word_similar=fragment) | Q(summary__trigram_word_similar=fragment))
        .annotate(
            resemblance=Greatest(
                TrigramWordSimilarity(fragment, "exact"), TrigramWordSimilarity(fragment, "summary")
            )
        )
        .order_by("-resemblance", "-published_at", "-id")
    )


def _fallback(q: str, claims: QuerySet, articles: QuerySet) -> tuple[QuerySet, QuerySet]:
    for term in _terms(q):
        claims = claims.containing([term], article_title=True)
        articles = articles.filter(Q(title__icontains=term) | Q(body__icontains=term))
    return claims.order_by("-published_at", "-id"), articles.order_by("-published", "-id")
