"""Level-up: the options the next level needs, and applying validated choices."""
