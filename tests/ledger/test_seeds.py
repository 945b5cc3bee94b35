"""`load_seeds` imports the seed articles and their editorial layer, and adds nothing twice."""

from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.ledger import models

pytestmark = pytest.mark.django_db

COUNTED = [
    models.Article,
    models.Source,
    models.Actor,
    models.ActorAlias,
    models.Event,
    models.Series,
    models.Topic,
    models.Claim,
    models.Measurement,
    models.ClaimLink,
    models.Position,
]


def counts():
    return {m.__name__: m.objects.count() for m in COUNTED}


def test_load_seeds_twice_duplicates_nothing():
    call_command("load_seeds", stdout=StringIO())
    first = counts()
    call_command("load_seeds", stdout=StringIO())
    assert counts() == first
    assert first["Article"] == 2


def test_the_catalog_has_the_actors_events_and_topics_of_both_articles():
    call_command("load_seeds", stdout=StringIO())
    umerov = models.Actor.objects.get(name="Rustem Umerov")
    assert {"Mr Umerov", "Ukrainian lead negotiator"} <= set(
        umerov.aliases.values_list("name", flat=True)
    )
    assert umerov.affiliation.name == "Ukraine"
    nights = models.Event.objects.filter(series__isnull=False, kind="strike")
    assert nights.count() == 2 and nights.values("series").distinct().count() == 1
    assert models.Event.objects.filter(kind="exchange").exists()
    assert models.Event.objects.filter(start="2026-03-05").exists()
    assert models.Topic.objects.filter(title__icontains="Donetsk").exists()


def test_demo_accounts_get_generated_passwords_once(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    first = out.getvalue()
    assert "editor / " in first and "reviewer / " in first
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    assert "already exist" in out.getvalue()
    from django.contrib.auth.models import User

    assert User.objects.get(username="reviewer").has_perm("ledger.review_claim")
    assert not User.objects.get(username="editor").has_perm("ledger.review_claim")
    assert (tmp_path / "var" / "demo-accounts.txt").stat().st_mode & 0o077 == 0


def test_the_seed_articles_are_filed_under_the_outlets_the_editorial_layer_names():
    call_command("load_seeds", stdout=StringIO())
    sources = dict(models.Article.objects.values_list("origin", "source__name"))
    assert sources == {
        "000_dc9d940b54c9373a.txt": "The Independent",
        "003_65bdb83ca16770d8.txt": "The Straits Times",
    }
