"""The requirements, one module per group."""
