"""SKP view and its dialogs."""
