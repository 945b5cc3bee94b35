"""Claim matching: whether new copy repeats a tracked claim, and how the two relate.

``scoring`` compares two statements (plain functions); ``probes`` builds statements from
sentences and suggestions; ``finder`` finds and scores the tracked claims of the database.
"""

from .finder import claims_matching, claims_matching_each, statement_from_claim
from .probes import statement_from_findings, statement_from_text
from .scoring import REPEAT_RELATIONS, REPEAT_THRESHOLD, Figure, Match, Statement, compare

__all__ = [
    "REPEAT_RELATIONS",
    "REPEAT_THRESHOLD",
    "Figure",
    "Match",
    "Statement",
    "claims_matching",
    "claims_matching_each",
    "compare",
    "statement_from_claim",
    "statement_from_findings",
    "statement_from_text",
]
