"""Re-anchoring: carrying claims to a new revision of their article, or queueing them."""

from __future__ import annotations

import pytest

from factcheck.ledger.models import Article, Claim
from factcheck.ledger.services.anchoring import ACCEPT_SCORE, claims_carry_over, figures
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.claims import claim_create
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

OLD = (
    "Delegations met in Geneva for another round of talks.\n\n"
    "Overnight, Russia used almost 400 long-range drones and 29 missiles to strike 12 regions "
    "of Ukraine, injuring nine people, according to Volodymyr Zelensky.\n\n"
    "Russia is still insisting that Ukraine cede control of its Donbas region in the east."
)
STRIKE = "Russia used almost 400 long-range drones and 29 missiles to strike 12 regions"
DONBAS = "Russia is still insisting that Ukraine cede control of its Donbas region"


def revise(old: Article, body: str) -> Article:
    old.is_current = False
    old.save(update_fields=["is_current"])
    return ArticleFactory(
        body=body, origin=old.origin, source=old.source, revision=old.revision + 1
    )


def mark(article: Article, quote: str, editor) -> Claim:
    return claim_create(article=article, user=editor, quote=quote)


def carried(old: Article, body: str, *claims: Claim) -> tuple[Article, list[Claim]]:
    new = revise(old, body)
    claims_carry_over(old=old, new=new)
    return new, [Claim.objects.get(pk=c.pk) for c in claims]


def test_unchanged_text_keeps_every_offset(editor):
    old = ArticleFactory(body=OLD)
    claim = mark(old, STRIKE, editor)
    new, [moved] = carried(old, OLD + "\n\nA new closing paragraph.", claim)
    assert (moved.article, moved.start, moved.end) == (new, claim.start, claim.end)
    assert moved.anchor_score == 1.0 and not moved.needs_reanchoring
    assert moved.version == claim.version + 1
    assert moved.history.first().history_change_reason.startswith("carried to revision 2")
    assert Article.objects.filter(pk=old.pk).exists()  # the old revision stays


def test_shifted_text_moves_the_span_with_it(editor):
    old = ArticleFactory(body=OLD)
    a, b = mark(old, STRIKE, editor), mark(old, DONBAS, editor)
    body = "GENEVA (AP) — A new opening paragraph was added.\n\n" + OLD
    new, [ma, mb] = carried(old, body, a, b)
    for claim, quote in ((ma, STRIKE), (mb, DONBAS)):
        assert claim.article == new and new.body[claim.start : claim.end] == quote
        assert claim.prefix == new.body[max(0, claim.start - 32) : claim.start]


def test_an_edited_quote_is_found_by_fuzzy_match(editor):
    old = ArticleFactory(body=OLD)
    claim = mark(old, DONBAS, editor)
    body = OLD.replace("is still insisting that Ukraine cede", "is still insisting Ukraine cedes")
    new, [moved] = carried(old, body, claim)
    assert moved.article == new and not moved.needs_reanchoring
    assert moved.exact.startswith("Russia is still insisting Ukraine cedes")
    assert moved.exact.endswith("Donbas region")
    assert ACCEPT_SCORE <= moved.anchor_score < 1.0


def test_a_look_alike_sentence_with_other_figures_is_not_a_match(editor):
    old = ArticleFactory(body=OLD)
    claim = mark(old, STRIKE, editor)
    # The night's report is replaced by the next night's: same words, different figures.
    body = OLD.replace("almost 400", "some 420").replace("29 missiles", "39 missiles")
    _, [queued] = carried(old, body, claim)
    assert queued.article == old and queued.needs_reanchoring
    assert "different figures" in queued.history.first().history_change_reason
    assert Claim.objects.needing_reanchoring().get() == queued


def test_two_equally_good_places_queue_the_claim(editor):
    old = ArticleFactory(body=OLD)
    claim = mark(old, DONBAS, editor)
    # The copy now runs the edited passage twice: two places fit equally well.
    edited = OLD.split("\n\n", 1)[1].replace("insisting that Ukraine", "insisting Ukraine must")
    body = OLD.split("\n\n", 1)[0] + "\n\n" + edited + "\n\n" + edited
    _, [queued] = carried(old, body, claim)
    assert queued.needs_reanchoring and queued.article == old
    assert "about equally" in queued.history.first().history_change_reason


def test_a_deleted_quote_queues_the_claim(editor):
    old = ArticleFactory(body=OLD)
    claim = mark(old, DONBAS, editor)
    body = OLD.split("\n\nRussia is still")[0]
    _, [queued] = carried(old, body, claim)
    assert queued.needs_reanchoring and queued.article == old
    assert old.body[queued.start : queued.end] == DONBAS


def test_a_queued_claim_is_reanchored_by_selecting_again(editor):
    from factcheck.ledger.services.claims import claim_update

    old = ArticleFactory(body=OLD)
    claim = mark(old, DONBAS, editor)
    rewritten = "Moscow still wants all of Donetsk region, officials said."
    new, [queued] = carried(old, OLD.replace(DONBAS + " in the east.", rewritten), claim)
    assert queued.needs_reanchoring
    start = new.body.index("Moscow still")
    fixed = claim_update(
        claim=queued,
        user=editor,
        expected_version=queued.version,
        article=new,
        start=start,
        end=new.body.index(", officials"),
    )
    assert fixed.article == new and not fixed.needs_reanchoring
    assert fixed.exact == "Moscow still wants all of Donetsk region"


def test_figures_reads_digits_and_number_words():
    assert figures("almost 400 drones, 1,000 bodies and nine people") == ["400", "1000", "nine"]


def test_reimport_through_the_importer_carries_claims(editor):
    data = b" date 2026-02-17 " + OLD.encode()
    first = article_import(data=data, origin="story.txt").article
    claim = mark(first, STRIKE, editor)
    result = article_import(
        data=data.replace(b"Delegations met", b"Delegations have met"), origin="story.txt"
    )
    assert result.status == "imported" and result.article.revision == 2
    moved = Claim.objects.get(pk=claim.pk)
    assert moved.article == result.article and moved.exact == STRIKE
