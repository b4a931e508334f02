"""Play at the table: damage, healing, death saves, conditions, concentration, resources, rests."""
