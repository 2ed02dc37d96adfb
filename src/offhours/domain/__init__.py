"""Pure domain logic: no I/O, no clocks (``now`` is always an argument), no storage imports."""
