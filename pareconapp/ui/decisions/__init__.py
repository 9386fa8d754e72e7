"""Decisions in the GUI: ballot forms and the secret ballot on the shared laptop."""
