"""Dice: server-side rolls with the d20 package, checks from the sheet, and a roll log."""
