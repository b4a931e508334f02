"""Which campaigns a character plays in (from the campaign service's events), and the DM's access."""
