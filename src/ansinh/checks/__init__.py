"""The rules of SPEC section 4, on loaded models — never on file readers.

``definitions`` checks what the YAML files declare (catalogue, areas, plans), ``values`` one
observed value, ``series`` the rows of one series together (duplicates, overlaps),
``observations`` plans against observations (windows, counts), and ``consistency`` words the
warnings that compare a value, its count and its base (also for the engine's rows).
"""
