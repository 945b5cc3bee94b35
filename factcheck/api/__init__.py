"""The JSON API under /api/v1/ (DRF), its OpenAPI document and its docs page."""
