import pytest
from django.http import Http404
from django.test import RequestFactory

from factcheck.web.paging import page_of, requested_page


@pytest.mark.parametrize(("query", "number"), [("", 1), ("?page=", 1), ("?page=3", 3)])
def test_the_page_asked_for(query, number):
    assert requested_page(RequestFactory().get("/x/" + query)) == number


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "２"])
def test_a_page_number_that_is_not_one_is_404(value):
    with pytest.raises(Http404):
        requested_page(RequestFactory().get("/x/", {"page": value}))


def test_a_page_past_the_last_is_404_and_the_first_of_nothing_is_empty():
    request = RequestFactory().get("/x/", {"page": "3"})
    assert list(page_of(request, list(range(25)), 10)) == list(range(20, 25))
    with pytest.raises(Http404):
        page_of(RequestFactory().get("/x/", {"page": "4"}), list(range(25)), 10)
    assert list(page_of(RequestFactory().get("/x/"), [], 10)) == []
