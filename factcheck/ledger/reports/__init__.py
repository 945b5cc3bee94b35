"""The read side's assemblies: what pages, the API and the admin show, built from querysets
and the rules (one module per report). Nothing here writes."""
