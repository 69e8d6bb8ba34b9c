"""Evaluation views and dialogs (issue 5)."""
