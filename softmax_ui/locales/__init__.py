"""String catalogs, one module per language, with the same keys in each."""
