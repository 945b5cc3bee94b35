"""The claim page: link and position tools, the claim's links and corroboration, and the
one-night-or-two warning when a claim's days miss its event's days."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest

from factcheck.ledger.models import Claim
from factcheck.ledger.services.links import link_create
from tests.admin.test_claim_admin import form_data
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def claim_url(claim: Claim) -> str:
    return f"/admin/ledger/claim/{claim.pk}/change/"


def test_the_claim_page_offers_the_link_and_position_tools(editor_client):
    claim = ClaimFactory()
    html = editor_client.get(claim_url(claim)).content.decode()
    assert f'<a href="/admin/ledger/claimlink/from-claim/{claim.pk}/" id="tool-link-claim">' in html
    assert (
        f'<a href="/admin/ledger/position/from-claim/{claim.pk}/" id="tool-record-position">'
        in html
    )
    assert "No links yet." in html


def test_the_claim_page_lists_links_both_ways_with_sources_and_corroboration(editor_client, editor):
    claim = ClaimFactory(article=ArticleFactory(wire_agency="AP"), status="published")
    afp = ClaimFactory(
        article=ArticleFactory(source=SourceFactory(name="The Straits Times"), wire_agency="AFP"),
        status="published",
        summary="<b>Donetsk</b>",
    )
    own = ClaimFactory(article=ArticleFactory(source=SourceFactory(name="Kyiv Independent")))
    link_create(
        from_claim=claim, to_claim=afp, relation="corroborates", note="<i>same</i>", user=editor
    )
    link_create(from_claim=own, to_claim=claim, relation="context", note="", user=editor)
    claim.refresh_from_db()
    assert (claim.corroboration, claim.independent_origins) == ("corroborated", 2)

    html = editor_client.get(claim_url(claim)).content.decode()
    section = html.split('id="claim-links"')[1].split("</section>")[0]
    assert (
        "Corroboration: <strong" in section and ">Corroborated</strong>, 2 independent" in section
    )
    assert "this claim corroborates →" in section
    assert f'<a href="/admin/ledger/claim/{afp.pk}/change/">#{afp.pk}</a>' in section
    assert "The Straits Times, 17 Feb 2026 (AFP copy)" in section
    assert "← context this claim" in section
    assert "Kyiv Independent, 17 Feb 2026 (own copy)" in section
    assert "&lt;i&gt;same&lt;/i&gt;" in section and "<i>same</i>" not in section


@pytest.mark.parametrize("rows", [1, 20])
def test_the_claim_page_runs_the_same_queries_for_1_and_20_links(
    rows, editor_client, django_assert_num_queries
):
    actor = ActorFactory()
    claim = ClaimFactory(
        claimant=actor, subjects=[actor], event=EventFactory(), topic=TopicFactory()
    )
    MeasurementFactory(claim=claim)
    for n in range(rows):
        other = ClaimFactory(article=ArticleFactory(wire_agency="AFP" if n % 2 else ""))
        if n % 2:
            ClaimLinkFactory(from_claim=claim, to_claim=other)
        else:
            ClaimLinkFactory(from_claim=other, to_claim=claim, relation="contradicts")
    url = claim_url(claim)
    assert editor_client.get(url).status_code == 200
    # 1 session, 2 user, 3 the claim with article, source, claimant, event, series and topic,
    # 4 its subjects (the form's initial value), 5-6 the user's and their groups'
    # permissions, 7 the measurement inline rows, 8 the links both ways with the other
    # claims' articles and sources, 9 the selected claimant, 10 the selected subjects,
    # 11 the event, 12 the topic (autocomplete widgets), 13 the history log ("who did what")
    with django_assert_num_queries(13):
        response = editor_client.get(url)
    assert response.content.decode().count('/change/">#') == rows


# ---- one night or two ---------------------------------------------------------------------


@pytest.fixture
def strikes():
    """Two strike nights of one series, and a figure claim from the 27 Feb piece."""
    series = SeriesFactory(name="Overnight strikes")
    first = EventFactory(
        name="Strikes, night of 16–17 Feb", series=series, start=dt.date(2026, 2, 16)
    )
    second = EventFactory(
        name="Strikes, night of 25–26 Feb",
        series=series,
        start=dt.date(2026, 2, 25),
        end=dt.date(2026, 2, 26),
    )
    claim = ClaimFactory(article=ArticleFactory(published=dt.date(2026, 2, 27)), kind="quantity")
    return {"series": series, "first": first, "second": second, "claim": claim}


def test_saving_a_claim_on_the_wrong_night_warns_and_offers_the_matching_event(
    editor_client, strikes
):
    claim = strikes["claim"]
    data = form_data(
        claim,
        event=strikes["first"].pk,
        about_start="2026-02-25",
        about_end="2026-02-26",
        _save="Save",
    )
    response = editor_client.post(claim_url(claim), data)
    # It stays on the claim (not the list) so the editor sees the warning where it applies.
    assert response.status_code == 302 and response["Location"] == claim_url(claim)
    claim.refresh_from_db()
    assert claim.event == strikes["first"]  # saved as asked; only a warning

    html = editor_client.get(response["Location"]).content.decode()
    warning = (
        "Warning: this report is about the night of 25–26 Feb; the event is the night of "
        "16–17 Feb. The matching event of the series is “Strikes, night of 25–26 Feb”: "
        f'<a href="{claim_url(claim)}#event-mismatch">switch to it</a>.'
    )
    assert warning in html and 'class="warning"' in html
    box = html.split('id="event-mismatch"')[1].split("</section>")[0]
    assert f'name="event" value="{strikes["second"].pk}"' in box
    assert "Switch to “Strikes, night of 25–26 Feb”" in box

    response = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/event/",
        {"event": strikes["second"].pk, "version": claim.version},
        follow=True,
    )
    claim.refresh_from_db()
    assert claim.event == strikes["second"]
    html = response.content.decode()
    assert "The claim is now on the event “Strikes, night of 25–26 Feb”." in html
    assert 'id="event-mismatch"' not in html


def test_without_a_matching_event_it_offers_a_new_one_in_the_series(editor_client, strikes):
    strikes["second"].delete()
    claim = strikes["claim"]
    data = form_data(
        claim, event=strikes["first"].pk, about_start="2026-02-25", about_end="2026-02-26"
    )
    response = editor_client.post(claim_url(claim), data, follow=True)
    html = response.content.decode()
    assert "No event of the series matches: <a href=" in html
    box = html.split('id="event-mismatch"')[1].split("</section>")[0]
    assert "switch-event" not in box
    href = box.split('id="create-event"')[0].rsplit('href="', 1)[1].split('"')[0]
    url = urlparse(href.replace("&amp;", "&"))
    assert url.path == "/admin/ledger/event/add/"
    assert parse_qs(url.query) == {
        "kind": ["strike"],
        "start": ["2026-02-25"],
        "end": ["2026-02-26"],
        "precision": ["span"],
        "series": [str(strikes["series"].pk)],
        "name": ["Overnight strikes: 25–26 Feb"],
        "for_claim": [str(claim.pk)],
        "claim_version": [str(Claim.objects.get(pk=claim.pk).version)],
    }
    form = editor_client.get(href.replace("&amp;", "&")).context["adminform"].form
    assert form.initial["start"] == "2026-02-25" and form.initial["series"] == str(
        strikes["series"].pk
    )


def test_a_claim_on_its_own_night_saves_without_a_warning(editor_client, strikes):
    claim = strikes["claim"]
    data = form_data(
        claim, event=strikes["second"].pk, about_start="2026-02-25", about_end="2026-02-26"
    )
    response = editor_client.post(claim_url(claim), data, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/ledger/claim/"
    assert "Warning:" not in response.content.decode()


def test_a_stale_switch_is_refused(editor_client, editor, strikes):
    claim = strikes["claim"]
    response = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/event/",
        {"event": strikes["second"].pk, "version": claim.version - 1},
        follow=True,
    )
    assert "Not saved: this claim was changed" in response.content.decode()
    claim.refresh_from_db()
    assert claim.event is None


def test_an_event_created_from_the_warning_is_attached_and_the_editor_is_back_on_the_claim(
    editor_client, strikes
):
    strikes["second"].delete()
    claim = strikes["claim"]
    data = form_data(
        claim, event=strikes["first"].pk, about_start="2026-02-25", about_end="2026-02-26"
    )
    html = editor_client.post(claim_url(claim), data, follow=True).content.decode()
    href = html.split('id="event-mismatch"')[1].split('id="create-event"')[0]
    href = href.rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    query = parse_qs(urlparse(href).query)
    response = editor_client.post(
        href,
        {
            "name": query["name"][0],
            "kind": "strike",
            "place": "",
            "start": "2026-02-25",
            "end": "2026-02-26",
            "precision": "span",
            "series": strikes["series"].pk,
            "description": "",
        },
        follow=True,
    )
    claim.refresh_from_db()
    assert claim.event.name == "Overnight strikes: 25–26 Feb"
    assert response.redirect_chain[-1][0] == claim_url(claim)
    html = response.content.decode()
    assert "Event “Overnight strikes: 25–26 Feb” created and attached to this claim." in html
    assert 'id="event-mismatch"' not in html


def test_marking_a_claim_on_the_wrong_night_warns_and_leads_to_the_claim(editor_client, strikes):
    article = strikes["claim"].article
    response = editor_client.post(
        f"/admin/ledger/claim/mark/{article.pk}/",
        {
            "start": strikes["claim"].start,
            "end": strikes["claim"].end,
            "kind": "quantity",
            "event": strikes["first"].pk,
            "about_start": "2026-02-25",
            "about_end": "2026-02-26",
        },
        HTTP_ACCEPT="application/json",
    )
    payload = response.json()
    assert payload["ok"]
    assert payload["warning"].startswith("This report is about the night of 25–26 Feb")
    assert payload["next"] == f"/admin/ledger/claim/{payload['id']}/change/"
    html = editor_client.get(payload["next"]).content.decode()
    assert "Warning: this report is about the night of 25–26 Feb" in html
    assert 'id="event-mismatch"' in html


def test_marking_errors_sit_beside_their_field_in_words(editor_client):
    article = ArticleFactory()
    response = editor_client.post(
        f"/admin/ledger/claim/mark/{article.pk}/",
        {"quote": "", "kind": "nonsense", "about_start": "2026-02-26", "about_end": "2026-02-25"},
        HTTP_ACCEPT="application/json",
    )
    payload = response.json()
    assert response.status_code == 400
    assert set(payload["fields"]) == {"quote", "kind"}
    assert payload["fields"]["quote"] == [
        "Select the claim's words in the article (or type its quote)."
    ]
    words = " ".join(payload["errors"])
    assert "__all__" not in words and "quote:" not in words and "Quote:" in words

    response = editor_client.post(
        f"/admin/ledger/claim/mark/{article.pk}/",
        {
            "quote": "nowhere to be found",
            "kind": "factual",
            "about_start": "2026-02-26",
            "about_end": "2026-02-25",
            "m-quantity": ["Drones!"],
            "m-value": ["many"],
            "m-bound": ["exact"],
            "m-text": [""],
        },
        HTTP_ACCEPT="application/json",
    )
    # The service stops at its first refusal: the dates, shown beside the "to" date.
    assert response.json()["fields"] == {
        "about_end": ["The end (2026-02-25) is before the start (2026-02-26)."]
    }
