"""Signal receivers of the ledger app (kept small: the services do the work)."""
