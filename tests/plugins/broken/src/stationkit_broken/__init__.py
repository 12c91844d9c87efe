"""Deliberately broken test plugin."""
