"""Evaluation views and dialogs."""
