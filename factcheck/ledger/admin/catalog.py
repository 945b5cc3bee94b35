"""Admin: catalog."""
