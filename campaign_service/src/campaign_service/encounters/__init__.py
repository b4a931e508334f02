"""The 2024 encounter builder: XP budgets, summed creature XP, verdicts, catalog suggestions."""
