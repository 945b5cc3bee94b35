"""The two seed articles parse into the body, set-asides and metadata an editor expects."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from factcheck.ingest import ParsedArticle, parse_article

REPO_ROOT = Path(__file__).resolve().parents[2]
# The lead copies the seeds into the repository; until then read the shared copy.
SEED_DIRS = (REPO_ROOT / "seeds", Path("/work/shared/seeds"))


def _seed(prefix: str) -> ParsedArticle:
    for folder in SEED_DIRS:
        found = sorted(folder.glob(f"{prefix}_*.txt"))
        if found:
            return parse_article(found[0].read_bytes(), filename=found[0].name)
    pytest.skip(f"seed {prefix} not found in {', '.join(map(str, SEED_DIRS))}")


def _paragraphs(article: ParsedArticle) -> list[str]:
    return [article.body[start:end] for start, end in article.paragraphs]


@pytest.fixture(scope="module")
def ap_seed() -> ParsedArticle:
    return _seed("000")


@pytest.fixture(scope="module")
def afp_seed() -> ParsedArticle:
    return _seed("003")


def test_it_reads_the_publication_dates(ap_seed: ParsedArticle, afp_seed: ParsedArticle) -> None:
    assert ap_seed.published == datetime.date(2026, 2, 17)
    assert afp_seed.published == datetime.date(2026, 2, 27)


def test_it_detects_the_wire_agencies(ap_seed: ParsedArticle, afp_seed: ParsedArticle) -> None:
    assert ap_seed.wire_agency == "AP"
    assert afp_seed.wire_agency == "AFP"


def test_it_sets_aside_both_captions_of_the_ap_seed(ap_seed: ParsedArticle) -> None:
    assert [(s.kind, s.index) for s in ap_seed.set_aside] == [("caption", 4), ("caption", 11)]
    assert ap_seed.set_aside[0].text.endswith("(Michael Probst/AP)")
    assert ap_seed.set_aside[1].text.endswith("(Ukrainian Emergency Service via AP)")
    assert "Probst" not in ap_seed.body
    assert "Emergency Service" not in ap_seed.body
    # The prose version of the caption's sentence stays in the body.
    assert "Mr Zelensky said Moscow should be “held accountable”" in ap_seed.body


def test_it_sets_aside_promo_caption_subhead_and_signoff_of_the_afp_seed(
    afp_seed: ParsedArticle,
) -> None:
    kinds = [(s.kind, s.index) for s in afp_seed.set_aside]
    assert kinds == [("promo", 0), ("caption", 1), ("subhead", 13), ("signoff", 25)]
    assert afp_seed.set_aside[0].text.startswith("Sign up now")
    assert "(centre right) leaving" in afp_seed.set_aside[1].text
    assert afp_seed.set_aside[2].text == "Drone, missile attacks"
    assert afp_seed.set_aside[3].text == "AFP"
    assert "newsletters" not in afp_seed.body
    assert "(centre right)" not in afp_seed.body
    assert "Drone, missile attacks" not in afp_seed.body


def test_it_keeps_the_sentence_the_signoff_was_glued_to(afp_seed: ParsedArticle) -> None:
    last = _paragraphs(afp_seed)[-1]
    assert last.endswith("from invading again.")
    assert afp_seed.body.endswith("from invading again.")


def test_it_keeps_prose_that_mentions_agencies(afp_seed: ParsedArticle) -> None:
    assert "An AFP reporter saw" in afp_seed.body
    assert "ATS-Keystone published a photo" in afp_seed.body
    assert "AFP journalists heard" in afp_seed.body


def test_it_keeps_the_dateline_in_the_body_but_not_the_title(afp_seed: ParsedArticle) -> None:
    assert _paragraphs(afp_seed)[0].startswith("GENEVA - US and Ukrainian officials")
    assert afp_seed.title.startswith("US and Ukrainian officials concluded talks in Geneva")


def test_it_derives_short_titles_from_the_first_sentence(
    ap_seed: ParsedArticle, afp_seed: ParsedArticle
) -> None:
    assert ap_seed.title.startswith("Delegations from Moscow and Kyiv have met in Geneva")
    for article in (ap_seed, afp_seed):
        assert len(article.title) <= 120
        assert article.title.endswith("…")
        assert "\n" not in article.title


def test_every_paragraph_offset_slices_the_body(
    ap_seed: ParsedArticle, afp_seed: ParsedArticle
) -> None:
    for article in (ap_seed, afp_seed):
        paragraphs = _paragraphs(article)
        assert "\n\n".join(paragraphs) == article.body
        assert all(p and p == p.strip() and "\n\n" not in p for p in paragraphs)
    assert len(ap_seed.paragraphs) == 23
    assert len(afp_seed.paragraphs) == 23


def test_it_names_the_outlet_from_its_own_promo(
    ap_seed: ParsedArticle, afp_seed: ParsedArticle
) -> None:
    assert afp_seed.source_name == "The Straits Times"
    assert ap_seed.source_name == ""


def test_seeds_are_clean_utf8(ap_seed: ParsedArticle, afp_seed: ParsedArticle) -> None:
    for article in (ap_seed, afp_seed):
        assert article.encoding == "utf-8"
        assert article.warnings == ()
        assert len(article.content_hash) == 64
    assert ap_seed.content_hash != afp_seed.content_hash
