"""Accounts in the UI: first-start wizard, login, lock screen, account management."""
