"""Spells: cantrips, prepared spells and the wizard's spellbook, checked against each class's limits."""
