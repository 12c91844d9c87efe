"""The plugin of docs/plugin-authors.md: one cited parameter, one requirement, one sample."""
