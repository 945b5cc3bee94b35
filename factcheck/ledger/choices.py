"""Enumerations shared by the records, the API and the pages (values are part of the contract)."""

from __future__ import annotations

from django.db import models


class ActorKind(models.TextChoices):
    PERSON = "person", "Person"
    GOVERNMENT = "government", "Government"
    DELEGATION = "delegation", "Delegation"
    ORGANISATION = "organisation", "Organisation"
    ARMED_FORCE = "armed_force", "Armed force"
    GROUP = "group", "Group or anonymous source"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    SPAN = "span", "Span of days (e.g. a night)"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class EventKind(models.TextChoices):
    TALKS = "talks", "Talks"
    STRIKE = "strike", "Strike"
    EXCHANGE = "exchange", "Exchange (prisoners, bodies)"
    CALL = "call", "Phone call"
    MEETING = "meeting", "Meeting"
    DEADLINE = "deadline", "Deadline"
    STATEMENT = "statement", "Statement"
    OTHER = "other", "Other"


class ClaimKind(models.TextChoices):
    FACTUAL = "factual", "Factual"
    QUANTITY = "quantity", "Quantity"
    POSITION = "position", "Statement of position"
    QUOTE = "quote", "Quote"


# The placeholder outlet of an article whose copy names none: the article "needs an outlet".
# Editors see it and choose the outlet; readers never see such an article or its claims.
NO_OUTLET = "Unknown"


class ClaimStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"


class Rating(models.TextChoices):
    UNRATED = "", "Not rated"
    ACCURATE = "accurate", "Accurate"
    CORROBORATED = "corroborated", "Corroborated"
    UNVERIFIED = "unverified", "Unverified"
    DISPUTED = "disputed", "Disputed"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"


# schema.org ClaimReview ratingValue on a 1 (worst) to 5 (best) scale.
RATING_VALUES: dict[str, int] = {
    Rating.FALSE: 1,
    Rating.MISLEADING: 2,
    Rating.DISPUTED: 3,
    Rating.UNVERIFIED: 3,
    Rating.CORROBORATED: 4,
    Rating.ACCURATE: 5,
}


class Bound(models.TextChoices):
    EXACT = "exact", "Exactly"
    ABOUT = "about", "About"
    AT_LEAST = "at_least", "At least"
    AT_MOST = "at_most", "At most (almost, up to)"
    MORE_THAN = "more_than", "More than"
    LESS_THAN = "less_than", "Less than"


class LinkRelation(models.TextChoices):
    CORROBORATES = "corroborates", "Corroborates"
    CONTRADICTS = "contradicts", "Contradicts"
    SAME_EVENT_DIFFERENT_FIGURE = "same_event_different_figure", "Same event, different figure"
    DIFFERENT_EVENT = "different_event", "Different event of the same series"
    UPDATES = "updates", "Updates / supersedes"
    CONTEXT = "context", "Context"


class CorroborationStatus(models.TextChoices):
    SINGLE_SOURCE = "single_source", "Single source"
    CORROBORATED = "corroborated", "Corroborated"
    DISPUTED = "disputed", "Disputed"


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    OPPOSES = "opposes", "Opposes"
    CONDITIONAL = "conditional", "Conditional"
    AMBIGUOUS = "ambiguous", "Ambiguous"


class PositionChange(models.TextChoices):
    NEW = "new", "New"
    UNCHANGED = "unchanged", "Unchanged"
    HARDENED = "hardened", "Hardened"
    SOFTENED = "softened", "Softened"
    REVERSED = "reversed", "Reversed"


class Attribution(models.TextChoices):
    OWN = "own", "The actor's own statement"
    REPORTED = "reported", "Reported by others"


class SetAsideKind(models.TextChoices):
    PROMO = "promo", "Promo"
    CAPTION = "caption", "Photo caption"
    SIGNOFF = "signoff", "Agency sign-off"
    SUBHEAD = "subhead", "Subhead"


class SuggestionKind(models.TextChoices):
    ACTOR = "actor", "Actor"
    STATEMENT = "statement", "Attributed statement"
    FIGURE = "figure", "Figure"
    DATE = "date", "Date"


class SuggestionStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"


class ImportItemStatus(models.TextChoices):
    PENDING = "pending", "pending"
    IMPORTED = "imported", "imported"
    UNCHANGED = "unchanged", "unchanged"
    REJECTED = "rejected", "rejected"
    FEED = "feed", "feed read"
