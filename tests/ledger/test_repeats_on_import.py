"""Repeats on import: suggestions that repeat tracked claims carry the match; one step makes
the claim and its link; each statement and figure gets a check-worthiness score."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from factcheck.ledger.matching import REPEAT_THRESHOLD
from factcheck.ledger.models import ClaimLink
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.catalog import actor_create
from factcheck.ledger.services.links import suggestion_accept_with_link
from factcheck.ledger.services.repeats import suggestions_assess
from tests.factories import ArticleFactory, ClaimFactory, MeasurementFactory, UserFactory

pytestmark = pytest.mark.django_db

TRACKED = "Overnight, Russia launched almost 400 long-range drones at Ukraine, officials said."
NEW_COPY = (
    " date 2026-02-17 Moscow fired some 390 drones against Ukrainian cities overnight, "
    "according to Ukrainian President Volodymyr Zelensky.\n\n"
    "Separately, the central bank held interest rates at 4 per cent, the governor said.\n"
)


@pytest.fixture
def tracked(db):
    actor_create(name="Volodymyr Zelensky", aliases=["Ukrainian President"])
    russia = actor_create(name="Russia", kind="government", aliases=["Moscow"])
    claim = ClaimFactory(
        article=ArticleFactory(body=TRACKED, wire_agency="AP"),
        subjects=[russia],
        published=True,
    )
    MeasurementFactory(claim=claim, value=400, bound="at_most")
    return claim


@pytest.fixture
def article(tracked, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return article_import(data=NEW_COPY.encode(), origin="new.txt").article


def test_a_figure_repeating_a_tracked_claim_in_other_words_carries_the_match(article, tracked):
    figure = article.suggestions.get(kind="figure", data__quantity="drones")
    assert figure.match_claim == tracked
    assert figure.match_relation == "corroborates"
    assert figure.match_score >= REPEAT_THRESHOLD
    assert "the figures agree" in figure.match_reason


def test_a_statement_about_something_else_carries_no_match(article):
    rates = article.suggestions.get(kind="statement", text__contains="interest rates")
    assert rates.match_claim is None and rates.match_relation == ""


def test_statements_and_figures_are_scored_for_check_worthiness_with_reasons(article):
    figure = article.suggestions.get(kind="figure", data__quantity="drones")
    assert figure.worth > 0.3
    assert any(r.startswith("a specific figure (drones: 390)") for r in figure.worth_reasons)
    assert set(article.suggestions.filter(kind="actor").values_list("worth", flat=True)) == {0}


def test_one_step_makes_the_claim_and_its_link(article, tracked, editor):
    figure = article.suggestions.get(kind="figure", data__quantity="drones")
    claim, link = suggestion_accept_with_link(suggestion=figure, user=editor)
    assert claim.article == article and claim.status == "draft"
    assert (link.from_claim, link.to_claim, link.relation) == (claim, tracked, "corroborates")
    assert link.note.startswith("Found on import: similar wording")
    figure.refresh_from_db()
    assert figure.status == "accepted"


def test_a_suggestion_with_no_match_is_refused_and_nothing_is_stored(article, editor):
    rates = article.suggestions.get(kind="statement", text__contains="interest rates")
    with pytest.raises(ValidationError, match="repeats no tracked claim"):
        suggestion_accept_with_link(suggestion=rates, user=editor)
    assert not ClaimLink.objects.exists()
    assert not article.claims.exists()


def test_readers_cannot_make_the_claim_and_link(article):
    figure = article.suggestions.get(kind="figure", data__quantity="drones")
    with pytest.raises(PermissionDenied):
        suggestion_accept_with_link(suggestion=figure, user=UserFactory())
    assert not article.claims.exists() and not ClaimLink.objects.exists()


@pytest.mark.parametrize("copies", [1, 6])
def test_assessing_an_article_runs_the_same_queries_for_few_or_many_statements(
    tracked, copies, django_capture_on_commit_callbacks, django_assert_num_queries
):
    body = NEW_COPY.partition(" date 2026-02-17 ")[2] + "".join(
        f"The central bank held interest rates at {n} per cent, the governor said.\n\n"
        f"Police said {n * 10} people were arrested in the capital.\n\n"
        for n in range(2, 2 + copies)
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = article_import(
            data=f" date 2026-02-17 {body}".encode(), origin=f"copies-{copies}.txt"
        ).article
    assert article.suggestions.filter(kind__in=["statement", "figure"]).count() >= 2 * copies + 2
    article.suggestions.update(worth=-1.0)  # so that every assessment changes
    with django_assert_num_queries(10):
        # savepoint; 1 the open statements and figures, 2 the actor suggestions; matching
        # them all: 3 which claims each one's lookups find, 4 their rows, 5 their figures,
        # 6 their subjects, 7 the best claims; 8 the suggestions saved (one UPDATE); release
        suggestions_assess(article=article)
    assert not article.suggestions.filter(kind__in=["statement", "figure"], worth=-1.0).exists()


def test_assessing_again_with_nothing_new_writes_nothing(article, django_assert_num_queries):
    stored = list(article.suggestions.values_list("pk", "match_claim", "worth", "worth_reasons"))
    with django_assert_num_queries(9):
        # savepoint; 1 the open statements and figures, 2 the actor suggestions; 3-7 matching
        # (as above); nothing changed, so no UPDATE; release
        suggestions_assess(article=article)
    assert (
        list(article.suggestions.values_list("pk", "match_claim", "worth", "worth_reasons"))
        == stored
    )


def test_an_assessment_that_changed_is_stored_on_the_suggestion(article, tracked):
    figure = article.suggestions.get(kind="figure", data__quantity="drones")
    figure.match_claim, figure.match_relation, figure.match_score = None, "", None
    figure.save(update_fields=["match_claim", "match_relation", "match_score"])
    suggestions_assess(article=article)
    figure.refresh_from_db()
    assert (figure.match_claim, figure.match_relation) == (tracked, "corroborates")
    assert figure.match_score >= REPEAT_THRESHOLD
