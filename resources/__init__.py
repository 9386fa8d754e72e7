"""Shipped resources: icons, themes, translations, schemas (package data)."""
