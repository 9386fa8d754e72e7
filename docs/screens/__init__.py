"""The screens ``docs/make_screenshots.py`` renders, by area; each registers with ``shot``."""
