"""Play sessions: plan, run, close; their events; the party's XP and loot ledger."""
