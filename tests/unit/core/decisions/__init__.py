"""Tests of the decisions package (pareconapp.core.decisions)."""
