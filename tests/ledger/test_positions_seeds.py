"""On the seeds: Russia and Ukraine on Donetsk with their changes; the matrix moves 20 → 27 Feb."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.ledger.models import Topic
from factcheck.ledger.reports.matrix import position_matrix
from factcheck.ledger.reports.timelines import topic_timeline

pytestmark = pytest.mark.django_db


def test_seed_positions_over_time():
    call_command("load_seeds", stdout=StringIO())
    donetsk = Topic.objects.get(title="Ukraine cedes the rest of Donetsk region to Russia")
    tracks = {t.actor.name: t.steps for t in topic_timeline(topic=donetsk)}
    russia = [(p.as_of.day, p.stance, p.change) for p in tracks["Russia"]]
    assert russia == [(17, "supports", "new"), (26, "supports", "hardened")]
    assert [(p.as_of.day, p.stance) for p in tracks["Ukraine"]] == [(26, "opposes")]
    assert all(p.evidence.all() for steps in tracks.values() for p in steps)

    def cells(day):
        m = position_matrix(as_of=dt.date(2026, 2, day))
        return {(a.name, t.title): (p.stance, p.change) for (a, t), p in _named(m).items()}

    before, after = cells(20), cells(27)
    assert before != after
    assert before[("Russia", donetsk.title)] == ("supports", "new")
    assert after[("Russia", donetsk.title)] == ("supports", "hardened")
    deadline = "A settlement must be reached by June"
    assert after[("United States", deadline)][0] == "supports"
    assert after[("Russia", deadline)][0] == "opposes"


def _named(matrix):
    actors = {a.pk: a for a in matrix.actors}
    topics = {t.pk: t for t in matrix.topics}
    return {(actors[a], topics[t]): p for (a, t), p in matrix.cells.items()}
