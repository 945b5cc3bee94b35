"""Fixtures for the public pages."""

from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, ClaimFactory


@pytest.fixture
def published_claims(db):
    """`make(n)`: n published claims in one article, one per sentence-sized span."""

    def make(n: int, **kwargs):
        body = "\n\n".join(f"Sentence number {i} says something." for i in range(n))
        article = kwargs.pop("article", None) or ArticleFactory(body=body)
        claims = []
        for i in range(n):
            start = article.body.index(f"Sentence number {i} ")
            end = article.body.index(".", start) + 1
            claims.append(
                ClaimFactory(article=article, start=start, end=end, published=True, **kwargs)
            )
        return claims

    return make
