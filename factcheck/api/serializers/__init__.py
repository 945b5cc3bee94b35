"""Serializers shape data; the services hold the rules. One module per resource, as views/.

Read serializers give related records as ids; `?expand=name,…` inlines them (each resource's
brief form) from what the views' `with_related()` querysets already loaded, so expansion costs
no query per row. Write serializers only check the shape of the input and resolve ids; views
pass the result to the ledger services.
"""
