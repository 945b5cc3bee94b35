"""An event's figures from the corroboration service, in the API's shape."""

from __future__ import annotations

from factcheck.ledger.reports.event_figures import event_figures


def figures_for(event, *, published_only: bool) -> list[dict]:
    """Per quantity: every report (claim, value, bound, text, source, wire agency), agreement."""
    return [
        {
            "quantity": figure.quantity,
            "unit": figure.unit,
            "agree": figure.agree,
            "reports": [
                {
                    "claim": report.claim.pk,
                    "value": report.value,
                    "bound": report.bound,
                    "text": report.text,
                    "source": report.source,
                    "wire_agency": report.wire_agency,
                }
                for report in figure.reports
            ],
        }
        for figure in event_figures(event=event, published_only=published_only)
    ]
